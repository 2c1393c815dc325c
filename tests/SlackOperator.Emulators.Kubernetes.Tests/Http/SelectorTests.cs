using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

namespace SlackOperator.Emulators.Kubernetes.Tests.Http;

public sealed class SelectorTests : HttpTestBase
{
    [Theory]
    [InlineData("team=red", "a")]
    [InlineData("team==red", "a")]
    [InlineData("team!=red", "b,c")]
    [InlineData("team in (red,blue)", "a,b")]
    [InlineData("team notin (red)", "b,c")]
    [InlineData("team", "a,b")]
    [InlineData("!team", "c")]
    [InlineData("team in (red,blue),tier=gold", "b")]
    public async Task List_LabelSelector_ReturnsMatchingObjects(string selector, string expected)
    {
        await SeedAsync();

        var names = await NamesAsync($"labelSelector={Uri.EscapeDataString(selector)}");

        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task List_FieldSelectorName_ReturnsThatObject()
    {
        await SeedAsync();

        Assert.Equal("b", await NamesAsync("fieldSelector=metadata.name%3Db"));
        Assert.Equal("a,c", await NamesAsync("fieldSelector=metadata.name!%3Db"));
    }

    [Fact]
    public async Task List_UnsupportedFieldLabel_BadRequest()
    {
        var response = await Api.GetAsync($"{ApiClient.Bots}?fieldSelector=spec.suspend%3Dtrue");

        Assert.Equal(400, response.Code);
        Assert.Equal("field label not supported: spec.suspend", response.Str("message"));
    }

    [Fact]
    public async Task List_AllNamespaces_IncludesEveryNamespace()
    {
        await Api.PostAsync("/api/v1/namespaces", JsonNode.Parse("""{"metadata":{"name":"other"}}""")!);
        await Api.CreateBotAsync("a");
        await Api.PostAsync("/apis/slackoperator.io/v1alpha1/namespaces/other/slackbots", TestObjects.Bot("b"));

        var all = await Api.GetAsync("/apis/slackoperator.io/v1alpha1/slackbots");

        Assert.Equal("SlackBotList", all.Str("kind"));
        Assert.Equal(2, all.Object["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task ListEvents_InvolvedObjectSelector_AsKubectlDescribeSends()
    {
        foreach (var name in new[] { "a", "b" })
        {
            await Api.PostAsync("/api/v1/namespaces/default/events", JsonNode.Parse($$"""
                {"metadata":{"name":"{{name}}.1"},"involvedObject":{"kind":"SlackBot","name":"{{name}}",
                "namespace":"default"},"reason":"R","message":"m","type":"Normal"}
                """)!);
        }

        var events = await Api.GetAsync("/api/v1/namespaces/default/events?fieldSelector="
            + Uri.EscapeDataString(
                "involvedObject.name=b,involvedObject.namespace=default,involvedObject.kind=SlackBot"));

        Assert.Equal("b.1", events.Str("items", "0", "metadata", "name"));
        Assert.Single(events.Object["items"]!.AsArray());
    }

    [Fact]
    public async Task EventsV1_Created_VisibleAsCoreEventAndBack()
    {
        var created = await Api.PostAsync("/apis/events.k8s.io/v1/namespaces/default/events", JsonNode.Parse("""
            {"metadata":{"name":"a.2"},"regarding":{"kind":"SlackBot","name":"a","namespace":"default"},
            "note":"hello","reason":"R","type":"Normal","action":"Act","reportingController":"op",
            "reportingInstance":"op-1","eventTime":"2025-01-01T00:00:00.000000Z"}
            """)!);

        var core = await Api.GetAsync("/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Da");
        var v1 = await Api.GetAsync(
            "/apis/events.k8s.io/v1/namespaces/default/events?fieldSelector=regarding.name%3Da");

        Assert.Equal(201, created.Code);
        Assert.Equal("hello", core.Str("items", "0", "message"));
        Assert.Equal("op", core.Str("items", "0", "reportingComponent"));
        Assert.Equal("hello", v1.Str("items", "0", "note"));
        Assert.Equal("events.k8s.io/v1", v1.Str("items", "0", "apiVersion"));
    }

    private async Task SeedAsync()
    {
        await Api.CreateBotAsync("a", new() { ["team"] = "red" });
        await Api.CreateBotAsync("b", new() { ["team"] = "blue", ["tier"] = "gold" });
        await Api.CreateBotAsync("c");
    }

    private async Task<string> NamesAsync(string query)
    {
        var list = await Api.GetAsync($"{ApiClient.Bots}?{query}");
        Assert.True(list.Code == 200, list.ToString());
        var items = list.Object["items"]!.AsArray();
        return string.Join(",", items.Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
    }
}
