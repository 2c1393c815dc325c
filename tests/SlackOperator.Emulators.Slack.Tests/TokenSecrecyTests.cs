using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests;

public sealed class TokenSecrecyTests
{
    [Fact]
    public async Task EveryAnswerAndLogLine_AfterCallsWithTokens_NeverContainsAToken()
    {
        var logs = new CapturingLoggerProvider();
        await using var emulator = await TestEmulator.StartAsync(logs: logs);
        using var api = new ApiClient(emulator);
        var extra = emulator.AddApp("dogbot", "xoxb-secret-dog", "xapp-1-secret-dog");
        string[] tokens = [TestEmulator.BotToken, TestEmulator.AppToken, extra.BotToken, extra.AppToken];

        await api.PostFormAsync("auth.test", TestEmulator.BotToken);
        await api.PostFormAsync("api.test", null, ("token", extra.BotToken));
        await api.GetAsync("auth.test", $"token={extra.BotToken}");
        await api.PostFormAsync("chat.postMessage", extra.AppToken, ("channel", "general"), ("text", "x"));
        await api.PostFormAsync("chat.postMessage", TestEmulator.BotToken, ("channel", "general"), ("text", "x"));
        await using (var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken))
        {
            await socket.ReceiveTypeAsync("hello");
            await socket.ReceiveTypeAsync("events_api");
        }

        await api.ControlAsync("apps", new() { ["bot_name"] = "catbot" });
        await api.ControlAsync("apps");
        await api.ControlAsync("revoke", new() { ["token"] = extra.BotToken });
        await api.PostFormAsync("auth.test", extra.BotToken);

        var everything = string.Join("\n", api.RawBodies.Concat(logs.Lines));
        Assert.DoesNotContain(tokens.Append("xoxb-emulator-catbot"), everything.Contains);
        Assert.NotEmpty(logs.Lines);
    }
}
