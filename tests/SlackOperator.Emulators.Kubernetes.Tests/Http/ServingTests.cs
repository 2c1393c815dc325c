using SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

namespace SlackOperator.Emulators.Kubernetes.Tests.Http;

public sealed class ServingTests : HttpTestBase
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    [Fact]
    public async Task Discovery_CustomGroup_ListsResourceWithShortNamesAndStatus()
    {
        var list = await Api.GetAsync("/apis/slackoperator.io/v1alpha1");

        Assert.Equal("APIResourceList", list.Str("kind"));
        Assert.Equal("slackbots", list.Str("resources", "0", "name"));
        Assert.Equal("[\"sb\"]", list.Str("resources", "0", "shortNames"));
        Assert.Equal("slackbots/status", list.Str("resources", "1", "name"));
    }

    [Fact]
    public async Task DeleteCrd_Removed_StopsServingResource()
    {
        await Api.CreateBotAsync("a");

        var deleted = await Api.DeleteAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"
            + "slackbots.slackoperator.io");

        Assert.Equal(200, deleted.Code);
        Assert.Equal(404, (await Api.GetAsync(ApiClient.Bots)).Code);
        Assert.Equal(404, (await Api.GetAsync("/apis/slackoperator.io/v1alpha1")).Code);
    }

    [Fact]
    public async Task List_TableAccept_ReturnsTableWithPrinterColumns()
    {
        await Api.CreateBotAsync("a");
        await Api.PatchAsync($"{ApiClient.Bots}/a/status",
            """{"status":{"conditions":[{"type":"Ready","status":"False","reason":"InvalidToken"}]}}""");

        var table = await Api.GetAsync(ApiClient.Bots, TableAccept);

        Assert.Equal("Table", table.Str("kind"));
        Assert.Equal("meta.k8s.io/v1", table.Str("apiVersion"));
        Assert.Equal("Ready", table.Str("columnDefinitions", "1", "name"));
        Assert.Equal("a", table.Str("rows", "0", "cells", "0"));
        Assert.Equal("False", table.Str("rows", "0", "cells", "1"));
        Assert.Equal("InvalidToken", table.Str("rows", "0", "cells", "2"));
        Assert.Equal("PartialObjectMetadata", table.Str("rows", "0", "object", "kind"));
    }

    [Fact]
    public async Task UnknownPath_NotFoundStatus()
    {
        using var response = await Api.Http.GetAsync("/apis/nope.io/v1/things");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"kind\":\"Status\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_UnsupportedMediaType_Returns415()
    {
        var response = await Api.SendAsync(HttpMethod.Post, ApiClient.Bots, "a: b", "application/x-yaml");

        Assert.Equal(415, response.Code);
        Assert.Equal("UnsupportedMediaType", response.Str("reason"));
    }

    [Fact]
    public async Task OpenApiV3_CustomGroup_PublishesSchemaWithGvk()
    {
        var root = await Api.GetAsync("/openapi/v3");
        var url = root.Str("paths", "apis/slackoperator.io/v1alpha1", "serverRelativeURL")!;

        var document = await Api.GetAsync(url);

        var schema = document.Object["components"]!["schemas"]!["io.slackoperator.v1alpha1.SlackBot"]!;
        Assert.Equal("SlackBot", schema["x-kubernetes-group-version-kind"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("What the bot should do.", schema["properties"]!["spec"]!["description"]!.GetValue<string>());
    }
}
