using System.Diagnostics;
using SlackOperator.Emulators.Slack;
using SlackOperator.IntegrationTests.Support;
using Xunit.Abstractions;

namespace SlackOperator.IntegrationTests.SlackFaults;

/// <summary>
/// Slack asks every connection of 500 bots to refresh at once: the operator reopens them at no more than its
/// configured opens per second, spread over the seconds that takes, and every bot still answers once.
/// </summary>
public sealed class RefreshStormTests(StormEnvironment env, ITestOutputHelper output)
    : IClassFixture<StormEnvironment>
{
    private const int Bots = 500;
    private const string Ns = "storm";
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RefreshRequested_ToAllOf500Bots_OpensBoundedPerSecondSpreadAndBotsStillAnswer()
    {
        var clock = Stopwatch.StartNew();
        var apps = await StartBotsAsync();
        var started = clock.Elapsed;
        var from = DateTimeOffset.UtcNow;

        var told = env.Slack.Faults.SendDisconnect("refresh_requested");
        var opens = await Eventually.MatchAsync(() => OkOpensSince(from), o => o.Count >= Bots, StartPatience,
            o => $"{o.Count} of {Bots} reopened");
        await Eventually.MatchAsync(OneSocketEach(apps), n => n == Bots, StartPatience,
            n => $"{n} of {Bots} with exactly one open socket");
        var storm = opens[^1].At - opens[0].At;
        var busiest = Busiest(opens, TimeSpan.FromSeconds(1));
        var busiestTwo = Busiest(opens, TimeSpan.FromSeconds(2));
        output.WriteLine($"{Bots} bots up in {started.TotalSeconds:0.0} s; storm of {opens.Count} opens took " +
            $"{storm.TotalSeconds:0.0} s, busiest second {busiest}, busiest two seconds {busiestTwo}; " +
            $"total {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(Bots, told);
        Assert.Equal(Bots, opens.Count);
        Assert.Equal(Bots, opens.Select(o => o.AppId).Distinct().Count());
        // The limiter's settings (a tenth of the rate per tenth of a second) are unit-tested on their own.
        // Here opens are timed on arrival at the emulator, after thread scheduling on a loaded machine has
        // bunched some of them, so the spread is judged over two-second windows with room for that jitter.
        Assert.InRange(busiestTwo, 1, StormEnvironment.OpensPerSecond * 2 * 13 / 10);
        Assert.True(storm >= TimeSpan.FromSeconds((Bots / StormEnvironment.OpensPerSecond) - 2),
            $"{Bots} opens took only {storm.TotalSeconds:0.0} s");
        foreach (var i in new[] { 0, Bots / 2, Bots - 1 })
        {
            var reply = await env.AskAsync(apps[i], BotScenarios.ChannelOf(Ns, $"bot{i}"));
            Assert.Equal("pong", reply.Text);
        }

        env.AssertNoTokenLogged();
    }

    private async Task<List<EmulatedApp>> StartBotsAsync()
    {
        await env.CreateNamespaceAsync(Ns);
        var apps = new EmulatedApp[Bots];
        foreach (var batch in Enumerable.Range(0, Bots).Chunk(50))
        {
            await Task.WhenAll(batch.Select(async i => apps[i] = await env.DeclareBotAsync(Ns, $"bot{i}")));
        }

        await Eventually.MatchAsync(OneSocketEach(apps), n => n == Bots, StartPatience,
            n => $"{n} of {Bots} connected");
        return [.. apps];
    }

    private Func<int> OneSocketEach(IReadOnlyList<EmulatedApp> apps) =>
        () => apps.Count(a => env.Slack.GetDeliveryStats(a.AppId).OpenConnections == 1);

    private List<ApiCallRecord> OkOpensSince(DateTimeOffset from) =>
        [.. env.Slack.GetApiCalls("apps.connections.open")
            .Where(c => c.At >= from && c.Result == "ok")
            .OrderBy(c => c.At)];

    /// <summary>The most opens that arrived within any one <paramref name="window"/>.</summary>
    private static int Busiest(IReadOnlyList<ApiCallRecord> opens, TimeSpan window)
    {
        var most = 0;
        for (int first = 0, last = 0; last < opens.Count; last++)
        {
            while (opens[last].At - opens[first].At >= window)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }
}
