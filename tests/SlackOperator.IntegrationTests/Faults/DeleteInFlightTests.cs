using SlackOperator.Emulators.Slack;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Faults;

/// <summary>
/// A SlackBot deleted while its reconcile is still running: whatever the reconcile started is stopped once it
/// returns, no bot keeps running for the deleted object, and the logs show no storm of failures.
/// </summary>
public sealed class DeleteInFlightTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>
{
    /// <summary>Long enough for a bot the in-flight reconcile started late to connect, and so to be seen.</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(1);

    /// <summary>Time for the operator to pick up the new SlackBot and reach Slack's auth.test.</summary>
    private static readonly TimeSpan ReachSlack = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Delete_RightAfterCreate_NoBotKeepsRunning()
    {
        const string ns = "delete-early";
        await env.CreateNamespaceAsync(ns);

        var app = await env.DeclareBotAsync(ns);
        await env.DeleteBotAsync(ns, "bot");

        await AssertStoppedAsync(ns, app);
    }

    [Fact]
    public async Task Delete_WhileSlackRateLimitsAuthTest_NoBotKeepsRunning()
    {
        const string ns = "delete-slow";
        await env.CreateNamespaceAsync(ns);
        var mark = env.Kube.Requests.Count;

        env.Slack.Faults.RateLimitNext("auth.test", 1, 2);
        var app = await env.DeclareBotAsync(ns);
        await Task.Delay(ReachSlack);
        Assert.DoesNotContain(env.RequestsSince(mark), r => r.Namespace == ns && r.Subresource == "status");
        await env.DeleteBotAsync(ns, "bot");

        await AssertStoppedAsync(ns, app);
    }

    private async Task AssertStoppedAsync(string ns, EmulatedApp app)
    {
        await Eventually.MatchAsync(() => env.Logs.Lines.Count(l => l.Contains($"Reconciled {ns}/bot: deleted",
            StringComparison.Ordinal)), n => n > 0, BotScenarios.Patience, _ => "the deletion was never reconciled");
        await env.WaitForNoConnectionAsync(app);
        await Task.Delay(Linger);

        var stats = env.Slack.GetDeliveryStats(app.AppId);
        var failures = env.Logs.Lines.Where(l => l.Contains($"{ns}/", StringComparison.Ordinal)
            && (l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)))
            .ToList();
        Assert.True(stats.OpenConnections == 0, $"{stats.OpenConnections} connection(s) open after the delete");
        Assert.True(failures.Count <= 1, $"{failures.Count} error lines:\n{string.Join('\n', failures)}");
        env.AssertNoTokenLogged();
    }
}
