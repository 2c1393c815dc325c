using System.Diagnostics;
using SlackOperator.Emulators.Kubernetes;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Faults;

/// <summary>
/// A SlackBot deleted while the SlackBot informer had no watch open, whose next watch then gets 410 Gone: only
/// the relist can reveal the deletion, and it must stop the bot.
/// </summary>
public sealed class WatchExpiryTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>
{
    /// <summary>Retry-After of the injected 503 that keeps an informer from watching.</summary>
    private const int HoldSeconds = 2;

    /// <summary>
    /// Time for a re-watch sent at the same moment as a failed one (or right after an informer's Retry-After
    /// ran out) to reach the emulator, so that a fault armed afterwards cannot hit it.
    /// </summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task Relist_BotDeletedWhileWatchGone_RelistDeletesItAndItsConnectionCloses()
    {
        const string ns = "expiry";
        var doomed = await env.StartBotAsync(ns, "doomed");
        var kept = await env.StartBotAsync(ns + "-kept");
        Assert.Equal(1, env.Slack.GetDeliveryStats(doomed.AppId).OpenConnections);

        await HoldSlackBotWatchAsync();
        var mark = env.Kube.Requests.Count;
        await env.DeleteBotAsync(ns, "doomed");
        env.Kube.Faults.ExpireNextWatch();

        await env.WaitForNoConnectionAsync(doomed);
        var since = env.RequestsSince(mark);
        Assert.Contains(since, r => r is { Verb: "list", Resource: "slackbots" });
        Assert.DoesNotContain(since, r => r is { Verb: "list", Resource: "secrets" });
        var reply = await env.AskAsync(kept, BotScenarios.ChannelOf(ns + "-kept", "bot"));
        Assert.Equal("pong", reply.Text);
        Assert.Equal(1, env.Slack.GetDeliveryStats(kept.AppId).OpenConnections);
        env.AssertNoTokenLogged();
    }

    /// <summary>
    /// Leaves the SlackBot informer sleeping on a 503's Retry-After while the Secret informer watches again, so
    /// the next watch request (the one <see cref="KubeApiFaults.ExpireNextWatch"/> answers) is the SlackBots'.
    /// </summary>
    private async Task HoldSlackBotWatchAsync()
    {
        var clock = Stopwatch.StartNew();
        var first = await FailNextWatchAsync(HoldSeconds);
        await Task.Delay(Settle);
        if (first.Resource == "slackbots")
        {
            return;
        }

        // The Secret informer took the failure and the SlackBot informer is the only one watching: cut it and
        // hold it longer, then wait until the Secret informer's Retry-After is over and it watches again.
        var second = await FailNextWatchAsync(3 * HoldSeconds);
        Assert.Equal("slackbots", second.Resource);
        var secretsBack = TimeSpan.FromSeconds(HoldSeconds) + Settle - clock.Elapsed;
        if (secretsBack > TimeSpan.Zero)
        {
            await Task.Delay(secretsBack);
        }
    }

    private async Task<RecordedRequest> FailNextWatchAsync(int retryAfterSeconds)
    {
        var mark = env.Kube.Requests.Count;
        env.Kube.Faults.FailNextRequests(1, 503, retryAfterSeconds);
        env.Kube.Faults.DropWatches();
        var failed = await Eventually.MatchAsync(
            () => env.RequestsSince(mark).FirstOrDefault(r => r.StatusCode == 503), r => r is not null,
            TimeSpan.FromSeconds(10), _ => "no request met the injected 503");
        Assert.Equal("watch", failed!.Verb);
        return failed;
    }
}
