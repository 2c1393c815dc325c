using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.Clients;

/// <summary>@slack/web-api opening and using a direct message against the emulator.</summary>
public sealed class OfficialClientImTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task WebClient_ConversationsOpen_OpensImOnceAndPostsThere()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var otherBot = emulator.AddApp("dogbot");

        var result = await NodeScripts.RunAsync("im-check.mjs", new Dictionary<string, string>
        {
            ["SLACK_API_URL"] = emulator.ApiUrl.ToString(),
            ["EMULATOR_URL"] = emulator.BaseUrl.ToString(),
            ["SLACK_BOT_TOKEN"] = TestEmulator.BotToken,
            ["OTHER_BOT_USER"] = otherBot.BotUserId,
        }, ScriptTimeout);

        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        var im = result["openedId"]!.GetValue<string>();
        Assert.StartsWith("D", im, StringComparison.Ordinal);
        Assert.False(result["openedAlready"]!.GetValue<bool>());
        var reopened = result["reopened"]!;
        Assert.Equal(im, reopened["id"]!.GetValue<string>());
        Assert.True(reopened["alreadyOpen"]!.GetValue<bool>());
        Assert.True(reopened["isIm"]!.GetValue<bool>());
        Assert.Equal("U0ALICE", reopened["user"]!.GetValue<string>());
        Assert.Equal(im, result["postedChannel"]!.GetValue<string>());
        Assert.True(result["info"]!["isIm"]!.GetValue<bool>());
        Assert.Equal("cannot_dm_bot", result["botError"]!.GetValue<string>());
        Assert.Equal(im, emulator.OpenDirectMessage("U0ALICE", "U0KITTENBOT"));
        Assert.Equal("a direct hello", Assert.Single(emulator.GetMessages(im)).Text);
    }
}
