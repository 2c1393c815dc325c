using System.Diagnostics;

namespace SlackOperator.Bench;

/// <summary>Waiting for Socket Mode sockets, and which failures end a scenario with an error rather than abort.
/// </summary>
internal static class SlackConnections
{
    private static readonly TimeSpan _connectTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Polls the emulator until at least <paramref name="expected"/> sockets are open.</summary>
    public static async Task WaitForOpenAsync(SlackControl slack, int expected, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var open = 0;
        while (clock.Elapsed < _connectTimeout)
        {
            open = (await slack.LinkTotalsAsync(ct)).Open;
            if (open >= expected)
            {
                return;
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"only {open} of {expected} Socket Mode connections open after "
            + $"{_connectTimeout.TotalSeconds:0} s");
    }

    /// <summary>Failures of the run itself (not the user's Ctrl-C), reported in the results.</summary>
    public static bool IsRunFailure(Exception e, CancellationToken ct) =>
        e is InvalidOperationException or TimeoutException or IOException or HttpRequestException
        || (e is OperationCanceledException && !ct.IsCancellationRequested);
}
