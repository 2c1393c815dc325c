namespace SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

/// <summary>Bounded polling: a fixed number of short waits, then a failure that says what was awaited.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int attempts = 100)
    {
        for (var i = 0; i < attempts; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.Fail($"timed out waiting for {what}");
    }
}
