namespace SlackOperator.Emulators.Slack.Tests.Support;

/// <summary>Bounded polling for state that settles asynchronously; tests never sleep a fixed time.</summary>
internal static class Poll
{
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        for (var i = 0; i < 10_000; i++)
        {
            if (condition())
            {
                return true;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
