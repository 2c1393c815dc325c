using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Faults;

/// <summary>
/// The API server answers 429 or 500 with Retry-After while the operator reports a change: the operator waits
/// as told, retries and converges, without hammering the server in between.
/// </summary>
public sealed class RetryAfterTests(SingleReplicaEnvironment env) : IClassFixture<SingleReplicaEnvironment>
{
    private const int Failures = 4;

    private const int RetryAfterSeconds = 1;

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task StatusWrite_ServerSaysRetryAfter_OperatorWaitsRetriesAndConverges(int statusCode)
    {
        var ns = $"retry-after-{statusCode}";
        var app = await env.StartBotAsync(ns);
        await using var timeline = new RequestTimeline(env.Kube);

        // Dropping the bot's socket makes the operator report the lost and regained link: its writes meet the
        // failures, while the test stays off the API until they are used up.
        env.Kube.Faults.FailNextRequests(Failures, statusCode, RetryAfterSeconds);
        env.Slack.Faults.DropSockets(app.AppToken);
        var failed = await Eventually.MatchAsync(
            () => timeline.Seen.Where(s => s.Request.StatusCode == statusCode).ToList(), f => f.Count == Failures,
            BotScenarios.Patience, f => $"{f.Count} of {Failures} failures used");
        var bot = await env.WaitForSettledAsync(ns, "bot", b => b.Status!.Connection!.Reconnects >= 1);
        var reply = await env.AskAsync(app, BotScenarios.ChannelOf(ns, "bot"));

        // One quick retry is fair when something new happened (the link came back); more is ignoring the server.
        var stamps = failed.Select(f => f.At).ToList();
        var hasty = stamps.Zip(stamps.Skip(1), (a, b) => b - a)
            .Count(gap => gap < TimeSpan.FromSeconds(RetryAfterSeconds) / 2);
        var writes = timeline.Seen.Count(s => s.Request.Namespace == ns && BotScenarios.IsWrite(s.Request));
        Assert.All(failed, f => Assert.Equal(ns, f.Request.Namespace));
        var seen = failed.Select(f => $"{f.Request.Verb} {f.Request.Path} at {f.At.TotalSeconds:0.000} s");
        Assert.True(hasty <= 1, $"{hasty} retries came sooner than Retry-After ({RetryAfterSeconds} s) allowed: "
            + string.Join(", ", seen));
        Assert.True(writes <= Failures + 4, $"{writes} writes in {ns} while recovering: a hot loop");
        Assert.Equal("Connected", bot.Status!.Connection!.State);
        Assert.Equal("pong", reply.Text);
        env.AssertNoTokenLogged();
    }
}
