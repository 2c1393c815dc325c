using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.SlackFaults;

/// <summary>
/// Slack opens the WebSocket but never says hello: the bot reports Connecting (or Reconnecting) with a message
/// that says so, retries with backoff rather than in a loop, and is Ready once hellos come again.
/// </summary>
public sealed class HelloWithheldTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>, IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task WithholdHello_FromTheStart_ConnectingSaysNoHelloThenReadyAndAnswers()
    {
        const string ns = "no-hello-start";
        env.Slack.Faults.WithholdHello(true);
        await env.CreateNamespaceAsync(ns);

        var app = await env.DeclareBotAsync(ns);
        var bot = await env.WaitForConditionAsync(ns, "bot", "Ready",
            c => c is { Status: "False", Reason: "Connecting" } && c.Message!.Contains("hello"));
        var opens = await OpensDuringWindowAsync(app.AppId);
        env.Slack.Faults.WithholdHello(false);
        await env.WaitForSettledAsync(ns, "bot");
        var reply = await env.AskAsync(app, BotScenarios.ChannelOf(ns, "bot"));

        Assert.Contains("no hello within the timeout", Connected(bot), StringComparison.Ordinal);
        Assert.InRange(opens, 1, 3);
        Assert.Equal("pong", reply.Text);
        env.AssertNoTokenLogged();
    }

    [Fact]
    public async Task WithholdHello_AfterTheSocketDropped_ReconnectingSaysNoHelloThenReady()
    {
        const string ns = "no-hello-later";
        var app = await env.StartBotAsync(ns);

        env.Slack.Faults.WithholdHello(true);
        env.Slack.Faults.DropSockets(app.AppToken);
        var bot = await env.WaitForConditionAsync(ns, "bot", "Connected",
            c => c is { Status: "False", Reason: "Reconnecting" } && c.Message!.Contains("hello"));
        var opens = await OpensDuringWindowAsync(app.AppId);
        env.Slack.Faults.WithholdHello(false);
        await env.WaitForSettledAsync(ns, "bot");
        var reply = await env.AskAsync(app, BotScenarios.ChannelOf(ns, "bot"));

        Assert.Equal("Reconnecting", bot.Status!.Conditions!.Single(c => c.Type == "Ready").Reason);
        Assert.InRange(opens, 1, 3);
        Assert.Equal("pong", reply.Text);
        env.AssertNoTokenLogged();
    }

    [Fact]
    public async Task DeleteBot_WhileItsReplacementSocketWaitsForHello_ClosesTheOldSocketToo()
    {
        const string ns = "no-hello-refresh";
        var app = await env.StartBotAsync(ns);
        var from = DateTimeOffset.UtcNow;

        env.Slack.Faults.WithholdHello(true);
        env.Slack.Faults.SendDisconnect("refresh_requested", app.AppId);
        await Eventually.MatchAsync(() => env.OpensSince(app.AppId, from).Count, n => n >= 1, Window,
            n => $"{n} replacement opens");
        await env.DeleteBotAsync(ns, "bot");
        var open = await Eventually.MatchAsync(() => env.Slack.GetDeliveryStats(app.AppId).OpenConnections,
            n => n == 0, Window, n => $"{n} sockets still open after the bot was deleted");

        Assert.Equal(0, open);
    }

    public void Dispose() => env.Slack.Faults.WithholdHello(false);

    /// <summary>Each attempt waits 2 s for hello plus a backoff, so a 4 s window sees at most 3 opens.</summary>
    private async Task<int> OpensDuringWindowAsync(string appId)
    {
        var from = DateTimeOffset.UtcNow;
        await Task.Delay(Window);
        return env.OpensSince(appId, from).Count;
    }

    private static string Connected(Entities.SlackBot bot) =>
        bot.Status!.Conditions!.Single(c => c.Type == "Connected").Message ?? string.Empty;
}
