using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.SlackFaults;

/// <summary>
/// apps.connections.open answers 429 with Retry-After while a bot reconnects: each next open waits for the
/// Retry-After instead of storming, and the bot is back and answering once Slack lets it in.
/// </summary>
public sealed class ConnectionsOpenRateLimitTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>
{
    [Fact]
    public async Task ConnectionsOpen_429ThreeTimes_EachOpenWaitsRetryAfterThenReconnectsAndAnswers()
    {
        const string ns = "open-429";
        var app = await env.StartBotAsync(ns);
        var opened = env.Slack.GetDeliveryStats(app.AppId).ConnectionsOpened;
        var from = DateTimeOffset.UtcNow;

        env.Slack.Faults.RateLimitNext("apps.connections.open", 3, 1);
        env.Slack.Faults.DropSockets(app.AppToken);
        await env.WaitForReconnectAsync(app, opened);
        await env.WaitForSettledAsync(ns, "bot");
        var reply = await env.AskAsync(app, BotScenarios.ChannelOf(ns, "bot"));
        var opens = env.OpensSince(app.AppId, from);

        Assert.Equal(["http_429", "http_429", "http_429", "ok"], opens.Select(o => o.Result));
        var gaps = opens.Zip(opens.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.True(gaps.All(g => g >= TimeSpan.FromSeconds(0.95)), SlackFaultSteps.Describe(opens));
        Assert.Equal("pong", reply.Text);
        env.AssertNoTokenLogged();
    }
}
