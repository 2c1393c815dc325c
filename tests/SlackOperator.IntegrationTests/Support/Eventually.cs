using System.Diagnostics;

namespace SlackOperator.IntegrationTests.Support;

/// <summary>Bounded polling: checks until a condition holds or the time is up, then fails with what it saw.</summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits until <paramref name="read"/> returns a value that <paramref name="done"/> accepts.</summary>
    public static async Task<T> MatchAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, Func<T, string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed >= timeout)
            {
                throw new Xunit.Sdk.XunitException(
                    $"not reached within {timeout.TotalSeconds:0.#} s; last seen: {describe(value)}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Waits until <paramref name="read"/> returns a value that <paramref name="done"/> accepts.</summary>
    public static Task<T> MatchAsync<T>(
        Func<T> read, Func<T, bool> done, TimeSpan timeout, Func<T, string> describe) =>
        MatchAsync(() => Task.FromResult(read()), done, timeout, describe);
}
