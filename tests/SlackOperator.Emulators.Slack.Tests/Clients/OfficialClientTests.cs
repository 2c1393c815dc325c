using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.Clients;

/// <summary>The official npm clients against the emulator; where they disagree, the emulator is wrong.</summary>
public sealed class OfficialClientTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SocketModeClient_MessageThenRefreshRequested_AcksRepliesAndReconnects()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var result = await NodeScripts.RunAsync("socket-mode-check.mjs", Env(emulator), ScriptTimeout);

        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        Assert.True(result["connects"]!.GetValue<int>() >= 2, result.ToJsonString());
        var first = result["events"]![0]!;
        Assert.Equal("hello from alice", first["text"]!.GetValue<string>());
        Assert.Equal("C0GENERAL", first["channel"]!.GetValue<string>());
        Assert.Equal("U0ALICE", first["user"]!.GetValue<string>());
        Assert.Equal(0, first["retryNum"]!.GetValue<int>());
        Assert.Equal("second hello", result["secondText"]!.GetValue<string>());
        Assert.Equal("B0KITTENBOT", result["reply"]!["botId"]!.GetValue<string>());

        var reply = emulator.GetMessages("general").Single(m => m.BotId is not null);
        Assert.Equal("echo: hello from alice", reply.Text);
        Assert.Equal("C0GENERAL", reply.Channel);
        Assert.Equal("U0KITTENBOT", reply.User);
        var stats = emulator.GetDeliveryStats(TestEmulator.AppId);
        Assert.True(stats.ConnectionsOpened >= 2, stats.ToString());
        Assert.True(stats.Acks >= 3, $"user message, bot echo and second message should be acked: {stats}");
        Assert.Equal(0, stats.Redeliveries);
    }

    [Fact]
    public async Task WebClient_ErrorsAndRateLimit_MatchSlackShapesAndHonourRetryAfter()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var result = await NodeScripts.RunAsync("web-api-check.mjs", Env(emulator), ScriptTimeout);

        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal("slack_webapi_platform_error", result["invalidAuth"]!["code"]!.GetValue<string>());
        Assert.Equal("invalid_auth", result["invalidAuth"]!["error"]!.GetValue<string>());
        Assert.Equal("not_authed", result["notAuthed"]!["error"]!.GetValue<string>());
        Assert.Equal("channel_not_found", result["channelNotFound"]!["error"]!.GetValue<string>());
        var rateLimit = result["rateLimit"]!;
        Assert.True(rateLimit["succeeded"]!.GetValue<bool>());
        Assert.Equal(1, rateLimit["rateLimitedEvents"]!.GetValue<int>());
        Assert.InRange(rateLimit["waitedMs"]!.GetValue<int>(), 950, 10_000);
        Assert.Contains("chat:write", rateLimit["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    private static Dictionary<string, string> Env(SlackEmulator emulator) => new()
    {
        ["SLACK_API_URL"] = emulator.ApiUrl.ToString(),
        ["EMULATOR_URL"] = emulator.BaseUrl.ToString(),
        ["SLACK_BOT_TOKEN"] = TestEmulator.BotToken,
        ["SLACK_APP_TOKEN"] = TestEmulator.AppToken,
    };
}
