using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

namespace SlackOperator.Emulators.Kubernetes.Tests.Http;

public sealed class ValidationTests : HttpTestBase
{
    [Fact]
    public async Task Create_MissingRequiredField_InvalidWithCause()
    {
        var bot = TestObjects.Bot("a");
        bot["spec"]!["botToken"]!["secretKeyRef"]!.AsObject().Remove("key");

        var response = await Api.PostAsync(ApiClient.Bots, bot);

        Assert.Equal(422, response.Code);
        Assert.Equal("Invalid", response.Str("reason"));
        Assert.Equal("SlackBot.slackoperator.io \"a\" is invalid: spec.botToken.secretKeyRef.key: Required value",
            response.Str("message"));
        Assert.Equal("spec.botToken.secretKeyRef.key", response.Str("details", "causes", "0", "field"));
        Assert.Equal("FieldValueRequired", response.Str("details", "causes", "0", "reason"));
    }

    [Fact]
    public async Task Create_ChannelWithNameAndId_FailsOneOf()
    {
        var bot = TestObjects.Bot("a");
        bot["spec"]!["channels"] = JsonNode.Parse("""[{"name":"x","id":"C1"}]""");

        var response = await Api.PostAsync(ApiClient.Bots, bot);

        Assert.Equal(422, response.Code);
        Assert.Equal("spec.channels[0]", response.Str("details", "causes", "0", "field"));
    }

    [Theory]
    [InlineData("""{"mode":"pigeon"}""", "spec.mode", "Unsupported value")]
    [InlineData("""{"replicas":-1}""", "spec.replicas", "greater than or equal to 0")]
    [InlineData("""{"replicas":1.5}""", "spec.replicas", "must be of type integer")]
    [InlineData("""{"channels":[{"name":"UPPER"}]}""", "spec.channels[0].name", "should match")]
    [InlineData("""{"channels":[{"id":"1"},{"id":"2"},{"id":"3"},{"id":"4"}]}""", "spec.channels", "at most 3")]
    [InlineData("""{"port":true}""", "spec.port", "integer,string")]
    public async Task Create_RuleBroken_InvalidNamingField(string spec, string field, string message)
    {
        var bot = TestObjects.Bot("a");
        foreach (var (key, value) in JsonNode.Parse(spec)!.AsObject())
        {
            bot["spec"]![key] = value?.DeepClone();
        }

        var response = await Api.PostAsync(ApiClient.Bots, bot);

        Assert.Equal(422, response.Code);
        Assert.Equal(field, response.Str("details", "causes", "0", "field"));
        Assert.Contains(message, response.Str("message"));
    }

    [Fact]
    public async Task Create_UnknownAndPreservedFields_UnknownPrunedWithWarningPreservedKept()
    {
        var bot = TestObjects.Bot("a");
        bot["spec"]!["typo"] = 1;
        bot["spec"]!["extra"] = JsonNode.Parse("""{"anything":{"goes":1}}""");
        bot["spec"]!["port"] = "http";

        var response = await Api.PostAsync(ApiClient.Bots, bot);

        Assert.Equal(201, response.Code);
        Assert.Null(response.Str("spec", "typo"));
        Assert.Equal("1", response.Str("spec", "extra", "anything", "goes"));
        Assert.Equal("http", response.Str("spec", "port"));
        var warning = Assert.Single(response.Headers.GetValues("Warning"));
        Assert.Equal("299 - \"unknown field \\\"spec.typo\\\"\"", warning);
    }

    [Fact]
    public async Task Create_UnknownFieldStrict_BadRequest()
    {
        var bot = TestObjects.Bot("a");
        bot["spec"]!["typo"] = 1;

        var response = await Api.PostAsync($"{ApiClient.Bots}?fieldValidation=Strict", bot);

        Assert.Equal(400, response.Code);
        Assert.EndsWith("strict decoding error: unknown field \"spec.typo\"", response.Str("message"));
    }
}
