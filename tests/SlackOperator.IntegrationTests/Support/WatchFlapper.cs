using SlackOperator.Emulators.Kubernetes;

namespace SlackOperator.IntegrationTests.Support;

/// <summary>Cuts every watch stream every few milliseconds until disposed, so that some cut lands mid-event.</summary>
public sealed class WatchFlapper : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(15);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WatchFlapper(KubeApiFaults faults) => _loop = FlapAsync(faults, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static async Task FlapAsync(KubeApiFaults faults, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                faults.DropWatches();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposal is how the flapping ends.
        }
    }
}
