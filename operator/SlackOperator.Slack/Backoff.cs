namespace SlackOperator.Slack;

/// <summary>
/// Exponential backoff with full jitter: a delay drawn uniformly between zero and the capped exponential bound,
/// so many clients that failed together do not retry together.
/// </summary>
public static class Backoff
{
    /// <summary>The delay before retry number <paramref name="attempt"/> (0 for the first retry).</summary>
    public static TimeSpan FullJitter(int attempt, TimeSpan initial, TimeSpan max)
    {
        var bound = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * bound);
    }
}
