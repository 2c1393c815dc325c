using System.Diagnostics;

namespace SlackOperator.Bench;

/// <summary>What the paced sender managed: messages stored by the emulator, failures, time and lag.</summary>
internal sealed record TrafficOutcome(int Sent, int Failed, double Seconds, double MaxLagMs)
{
    public double RatePerSecond => Seconds > 0 ? Sent / Seconds : 0;
}

/// <summary>
/// Posts exactly <see cref="LoadPlan.Messages"/> user messages, message k due k/rate seconds after the start,
/// with at most <see cref="MaxInFlight"/> posts open at once; a sender that falls behind records its lag.
/// </summary>
internal static class MessageTraffic
{
    public const int MaxInFlight = 48;

    public static async Task<TrafficOutcome> SendAsync(SlackControl slack, LoadPlan plan, string userId,
        CancellationToken ct)
    {
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var posts = new List<Task>(plan.Messages);
        var failed = 0;
        var maxLag = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < plan.Messages; k++)
        {
            var due = TimeSpan.FromSeconds((double)k / plan.Rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            await inFlight.WaitAsync(ct);
            var lag = clock.Elapsed - due;
            maxLag = lag > maxLag ? lag : maxLag;
            var message = k;
            posts.Add(Task.Run(async () =>
            {
                try
                {
                    await slack.PostMessageAsync(plan.ChannelOf(message), userId, LoadPlan.Text(message), ct);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                finally
                {
                    inFlight.Release();
                }
            }, ct));
        }

        await Task.WhenAll(posts);
        var seconds = clock.Elapsed.TotalSeconds;
        return new TrafficOutcome(plan.Messages - failed, failed, seconds, maxLag.TotalMilliseconds);
    }
}
