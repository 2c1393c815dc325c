namespace SlackOperator.Bench;

/// <summary>Samples the summed VmRSS of a set of processes every half second until stopped; keeps the peak.
/// </summary>
internal sealed class MemoryWatch : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly IReadOnlyList<int> _pids;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public MemoryWatch(IReadOnlyList<int> pids)
    {
        _pids = pids;
        PeakMb = SumMb(pids);
        _sampling = SampleAsync();
    }

    public double PeakMb { get; private set; }

    public static double SumMb(IReadOnlyList<int> pids) => pids.Sum(pid => ProcStats.ResidentMb(pid) ?? 0);

    public static double SumCpuSeconds(IReadOnlyList<int> pids) => pids.Sum(pid => ProcStats.CpuSeconds(pid) ?? 0);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(Interval, _stop.Token);
                PeakMb = Math.Max(PeakMb, SumMb(_pids));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
