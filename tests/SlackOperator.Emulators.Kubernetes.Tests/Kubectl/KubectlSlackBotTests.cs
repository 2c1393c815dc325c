using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Tests.Kubectl;

public sealed class KubectlSlackBotTests : KubectlTestBase
{
    private const string ReadyStatus = """
        {"conditions":[{"type":"Ready","status":"True","reason":"Connected","message":"ok",
        "lastTransitionTime":"2025-01-01T00:00:00Z"}],"bot":{"name":"kitten","team":"Acme"},"channelCount":2}
        """;

    [Fact]
    public async Task Apply_SameBotTwice_SecondIsUnchanged()
    {
        await InstallCrdAndTokenAsync();

        var first = await Kubectl.SucceedAsync("apply", "-f", "bot.yaml");
        var second = await Kubectl.SucceedAsync("apply", "-f", "bot.yaml");

        Assert.Equal("slackbot.slackoperator.io/kittenbot created\n", first);
        Assert.Equal("slackbot.slackoperator.io/kittenbot unchanged\n", second);
    }

    [Fact]
    public async Task Apply_ChangedBot_ConfiguredAndGenerationBumped()
    {
        await ApplyBotAsync();

        var changed = await Kubectl.SucceedAsync("apply", "-f", "bot-changed.yaml");

        Assert.Equal("slackbot.slackoperator.io/kittenbot configured\n", changed);
        var generation = await Kubectl.SucceedAsync("get", "sb", "kittenbot", "-o", "jsonpath={.metadata.generation}");
        Assert.Equal("2", generation);
    }

    [Fact]
    public async Task GetSlackBots_StatusPatchedOverHttp_ShowsPrinterColumns()
    {
        await ApplyBotAsync();
        var patched = await PatchBotStatusAsync(ReadyStatus);
        Assert.Equal(200, patched.Code);

        var byPlural = await Kubectl.SucceedAsync("get", "slackbots");
        var byShortName = await Kubectl.SucceedAsync("get", "sb");

        const string expected = @"^NAME\s+READY\s+REASON\s+TEAM\s+BOT\s+CHANNELS\s+AGE\n"
            + @"kittenbot\s+True\s+Connected\s+Acme\s+kitten\s+2\s+\d+s\n$";
        Assert.Matches(expected, byPlural);
        Assert.Matches(expected, byShortName);
    }

    [Fact]
    public async Task GetSlackBot_YamlAndJsonPath_ShowStoredObject()
    {
        await ApplyBotAsync();

        var yaml = await Kubectl.SucceedAsync("get", "sb", "kittenbot", "-o", "yaml");
        var channel = await Kubectl.SucceedAsync("get", "sb", "kittenbot", "-o", "jsonpath={.spec.channels[0].name}");

        Assert.Contains("kind: SlackBot", yaml);
        Assert.Contains("  generation: 1", yaml);
        Assert.Contains("      name: slack-token", yaml);
        Assert.Equal("general", channel);
    }

    [Fact]
    public async Task Describe_EventRecordedOverHttp_ShowsEvent()
    {
        await ApplyBotAsync();
        var bot = await Session.Api.GetAsync($"{Infrastructure.ApiClient.Bots}/kittenbot");
        var recorded = Event(bot.Str("metadata", "uid")!);
        var created = await Session.Api.PostAsync("/api/v1/namespaces/default/events", recorded);
        Assert.Equal(201, created.Code);

        var described = await Kubectl.SucceedAsync("describe", "sb", "kittenbot");
        var events = await Kubectl.SucceedAsync("get", "events");

        Assert.Contains("Name:         kittenbot", described);
        Assert.Matches(@"Events:\n\s+Type\s+Reason\s+Age\s+From\s+Message\n.*\n\s+Normal\s+Connected\s+\S+\s+"
            + @"slack-operator\s+Connected to Slack as kitten", described);
        Assert.Matches(@"^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n\S+\s+Normal\s+Connected\s+"
            + @"slackbot/kittenbot\s+Connected to Slack as kitten\n$", events);
    }

    [Fact]
    public async Task Wait_ReadyPatchedAfterASecond_Succeeds()
    {
        await ApplyBotAsync();
        var patcher = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            return await PatchBotStatusAsync(ReadyStatus);
        });

        var waited = await Kubectl.SucceedAsync("wait", "--for=condition=Ready", "sb/kittenbot", "--timeout=20s");

        Assert.Equal("slackbot.slackoperator.io/kittenbot condition met\n", waited);
        Assert.Equal(200, (await patcher).Code);
    }

    [Fact]
    public async Task Delete_SlackBot_ReturnsOnceGone()
    {
        await ApplyBotAsync();

        var deleted = await Kubectl.SucceedAsync("delete", "sb", "kittenbot");
        var left = await Kubectl.RunAsync("get", "sb", "kittenbot");

        Assert.Equal("slackbot.slackoperator.io \"kittenbot\" deleted\n", deleted);
        Assert.Equal(1, left.ExitCode);
        Assert.Equal("Error from server (NotFound): slackbots.slackoperator.io \"kittenbot\" not found\n",
            left.Stderr);
    }

    [Fact]
    public async Task Delete_WithFinalizerRemovedLater_WaitsUntilGone()
    {
        await ApplyBotAsync();
        await Kubectl.SucceedAsync("patch", "sb", "kittenbot", "--type=merge",
            "-p", """{"metadata":{"finalizers":["slackoperator.io/cleanup"]}}""");
        var remover = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            return await Session.Api.PatchAsync($"{Infrastructure.ApiClient.Bots}/kittenbot",
                """{"metadata":{"finalizers":null}}""");
        });

        var deleted = await Kubectl.SucceedAsync("delete", "sb", "kittenbot", "--timeout=20s");

        Assert.Equal("slackbot.slackoperator.io \"kittenbot\" deleted\n", deleted);
        Assert.Equal(200, (await remover).Code);
        Assert.Equal(404, (await Session.Api.GetAsync($"{Infrastructure.ApiClient.Bots}/kittenbot")).Code);
    }

    [Fact]
    public async Task Apply_InvalidManifest_RejectedNamingTheFields()
    {
        await InstallCrdAndTokenAsync();

        var result = await Kubectl.RunAsync("apply", "-f", "bot-invalid.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("The SlackBot \"brokenbot\" is invalid: \n", result.Stderr);
        Assert.Contains("* spec.botToken: Required value\n", result.Stderr);
        Assert.Contains("* spec.channels: Invalid value: \"string\": spec.channels in body must be of type array: "
            + "\"string\"\n", result.Stderr);
        Assert.Contains("* spec.replicas: Invalid value: 9: spec.replicas in body should be less than or equal to 5",
            result.Stderr);
    }

    [Fact]
    public async Task Apply_UnknownField_RejectedByStrictValidation()
    {
        await InstallCrdAndTokenAsync();

        var result = await Kubectl.RunAsync("apply", "-f", "bot-unknown-field.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error from server (BadRequest): error when creating \"bot-unknown-field.yaml\": SlackBot in "
            + "version \"v1alpha1\" cannot be handled as a SlackBot: strict decoding error: unknown field "
            + "\"spec.chanels\"", result.Stderr);
    }

    [Fact]
    public async Task Apply_UnknownFieldWithWarnValidation_PrintsWarningAndPrunes()
    {
        await InstallCrdAndTokenAsync();

        var result = await Kubectl.RunAsync("apply", "--validate=warn", "-f", "bot-unknown-field.yaml");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Warning: unknown field \"spec.chanels\"\n", result.Stderr);
        var spec = await Kubectl.SucceedAsync("get", "sb", "typobot", "-o", "jsonpath={.spec}");
        Assert.DoesNotContain("chanels", spec);
    }

    [Fact]
    public async Task Diff_ChangedBot_ShowsChangeAndWritesNothing()
    {
        await ApplyBotAsync();

        var result = await Kubectl.RunAsync("diff", "-f", "bot-changed.yaml");

        Assert.True(result.ExitCode == 1 && result.Stderr.Length == 0, result.ToString());
        Assert.Contains("-  - id: C0123", result.Stdout);
        Assert.Contains("+  - id: C0456", result.Stdout);
        var id = await Kubectl.SucceedAsync("get", "sb", "kittenbot", "-o", "jsonpath={.spec.channels[1].id}");
        Assert.Equal("C0123", id);
    }

    [Fact]
    public async Task ApplyServerSide_Twice_BothServerSideApplied()
    {
        await InstallCrdAndTokenAsync();

        var first = await Kubectl.SucceedAsync("apply", "--server-side", "-f", "bot.yaml");
        var second = await Kubectl.SucceedAsync("apply", "--server-side", "-f", "bot-changed.yaml");

        Assert.Equal("slackbot.slackoperator.io/kittenbot serverside-applied\n", first);
        Assert.Equal("slackbot.slackoperator.io/kittenbot serverside-applied\n", second);
        var id = await Kubectl.SucceedAsync("get", "sb", "kittenbot", "-o", "jsonpath={.spec.channels[1].id}");
        Assert.Equal("C0456", id);
    }

    [Fact]
    public async Task GetAllNamespaces_OneBot_ShowsNamespaceColumn()
    {
        await ApplyBotAsync();

        var table = await Kubectl.SucceedAsync("get", "sb", "-A");

        Assert.Matches(@"^NAMESPACE\s+NAME\s+READY.*\ndefault\s+kittenbot\s+", table);
    }

    private static JsonObject Event(string uid) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "kittenbot.1" },
        ["involvedObject"] = new JsonObject
        {
            ["apiVersion"] = "slackoperator.io/v1alpha1",
            ["kind"] = "SlackBot",
            ["name"] = "kittenbot",
            ["namespace"] = "default",
            ["uid"] = uid,
        },
        ["reason"] = "Connected",
        ["message"] = "Connected to Slack as kitten",
        ["type"] = "Normal",
        ["source"] = new JsonObject { ["component"] = "slack-operator" },
        ["firstTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        ["lastTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        ["count"] = 1,
    };
}
