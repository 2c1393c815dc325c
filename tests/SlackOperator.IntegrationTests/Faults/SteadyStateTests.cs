using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Faults;

/// <summary>Once a bot is Ready and nothing changes, the operator writes nothing at all to the API.</summary>
public sealed class SteadyStateTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>
{
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ReadyBot_NothingChanges_NoWritesForFiveSeconds()
    {
        const string ns = "steady";
        await env.StartBotAsync(ns);

        // The Event for Ready turning True is written right after the status; the quiet window starts after it.
        await Eventually.MatchAsync(() => env.Kube.Requests.Count(r => r is { Verb: "create", Resource: "events" }),
            n => n > 0, BotScenarios.Patience, _ => "no Event was recorded for the bot becoming Ready");
        var mark = env.Kube.Requests.Count;
        await Task.Delay(QuietWindow);

        // Lease renewals are leader election's heartbeat, the one write a healthy operator makes by design.
        var writes = env.RequestsSince(mark).Where(r => BotScenarios.IsWrite(r) && r.Resource != "leases").ToList();
        Assert.True(writes.Count == 0, $"{writes.Count} writes in a steady state: "
            + string.Join(", ", writes.Select(w => $"{w.Verb} {w.Path} -> {w.StatusCode}")));
        env.AssertNoTokenLogged();
    }
}
