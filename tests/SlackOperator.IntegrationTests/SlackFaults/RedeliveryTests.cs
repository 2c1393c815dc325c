using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.SlackFaults;

/// <summary>
/// Slack does not see the first two acknowledgements and sends the envelope again with retry_attempt 1 and 2:
/// the bot answers the first delivery only.
/// </summary>
public sealed class RedeliveryTests(FastRedeliveryEnvironment env) : IClassFixture<FastRedeliveryEnvironment>
{
    [Fact]
    public async Task UnackedEnvelope_RedeliveredWithRetryAttemptsOneAndTwo_ExactlyOneReply()
    {
        const string ns = "redelivery";
        var app = await env.StartBotAsync(ns);
        var channel = BotScenarios.ChannelOf(ns, "bot");
        env.Slack.Faults.LoseAcks(2);

        var asked = await env.Slack.PostUserMessageAsync(channel, BotScenarios.User, BotScenarios.Trigger);
        await Eventually.MatchAsync(() => env.Slack.GetDeliveryStats(app.AppId),
            s => s.Redeliveries >= 2 && s.Acks >= 1, BotScenarios.Patience,
            s => $"{s.Deliveries} deliveries, {s.Redeliveries} redeliveries, {s.Acks} acks");
        var replies = await env.SettledRepliesAsync(app, channel, asked);

        Assert.Equal(["pong"], replies.Select(r => r.Text));
        Assert.Equal(2, env.Slack.GetDeliveryStats(app.AppId).Redeliveries);
        Assert.Contains(env.Logs.Lines, l => l.Contains("(retry 1): already handled", StringComparison.Ordinal));
        Assert.Contains(env.Logs.Lines, l => l.Contains("(retry 2): already handled", StringComparison.Ordinal));
        Assert.Equal(1, env.Slack.GetDeliveryStats(app.AppId).ConnectionsOpened);
        env.AssertNoTokenLogged();
    }
}
