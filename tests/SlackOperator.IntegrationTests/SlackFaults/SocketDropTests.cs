using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.SlackFaults;

/// <summary>
/// The socket is dropped while an envelope is in flight: before Slack saw the acknowledgement (the envelope is
/// sent again on the next socket) or after it. Either way the user gets exactly one reply.
/// </summary>
public sealed class SocketDropTests(FastRedeliveryEnvironment env) : IClassFixture<FastRedeliveryEnvironment>
{
    [Fact]
    public async Task DropSockets_AfterAck_OneReplyNoRedeliveryAndTheBotAnswersAfterReconnect()
    {
        const string ns = "drop-after-ack";
        var app = await env.StartBotAsync(ns);
        var channel = BotScenarios.ChannelOf(ns, "bot");
        var opened = env.Slack.GetDeliveryStats(app.AppId).ConnectionsOpened;

        var asked = await env.Slack.PostUserMessageAsync(channel, BotScenarios.User, BotScenarios.Trigger);
        await Eventually.MatchAsync(() => env.Slack.GetDeliveryStats(app.AppId), s => s.Acks >= 1,
            BotScenarios.Patience, s => $"{s.Acks} acks");
        env.Slack.Faults.DropSockets(app.AppToken);
        await env.WaitForReconnectAsync(app, opened);
        var replies = await env.SettledRepliesAsync(app, channel, asked);
        var next = await env.AskAsync(app, channel);

        Assert.Equal(["pong"], replies.Select(r => r.Text));
        Assert.Equal("pong", next.Text);
        env.AssertNoTokenLogged();
    }

    [Fact]
    public async Task DropSockets_BeforeSlackSawTheAck_RedeliveredOnNewSocketAndAnsweredOnce()
    {
        const string ns = "drop-before-ack";
        var app = await env.StartBotAsync(ns);
        var channel = BotScenarios.ChannelOf(ns, "bot");
        var opened = env.Slack.GetDeliveryStats(app.AppId).ConnectionsOpened;
        env.Slack.Faults.LoseAcks(1);

        var asked = await env.Slack.PostUserMessageAsync(channel, BotScenarios.User, BotScenarios.Trigger);
        await Eventually.MatchAsync(() => env.Slack.GetDeliveryStats(app.AppId), s => s.Deliveries >= 1,
            BotScenarios.Patience, s => $"{s.Deliveries} deliveries");
        env.Slack.Faults.DropSockets(app.AppToken);
        await env.WaitForReconnectAsync(app, opened);
        var stats = await Eventually.MatchAsync(() => env.Slack.GetDeliveryStats(app.AppId),
            s => s.Redeliveries >= 1 && s.Acks >= 1, BotScenarios.Patience,
            s => $"{s.Redeliveries} redeliveries, {s.Acks} acks");
        var replies = await env.SettledRepliesAsync(app, channel, asked);

        Assert.Equal(["pong"], replies.Select(r => r.Text));
        Assert.Equal(opened + 1, stats.ConnectionsOpened);
        env.AssertNoTokenLogged();
    }
}
