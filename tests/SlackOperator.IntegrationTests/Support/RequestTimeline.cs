using System.Collections.Concurrent;
using System.Diagnostics;
using SlackOperator.Emulators.Kubernetes;

namespace SlackOperator.IntegrationTests.Support;

/// <summary>
/// Notes when each API request the emulator records from now on was first seen (sampled every 10 ms), so a test
/// can tell a client that waits between retries from one that hammers.
/// </summary>
public sealed class RequestTimeline : IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(10);

    private readonly KubeApiEmulator _kube;
    private readonly ConcurrentQueue<StampedRequest> _seen = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _sampling;
    private int _count;

    public RequestTimeline(KubeApiEmulator kube)
    {
        _kube = kube;
        _count = kube.Requests.Count;
        _sampling = SampleAsync();
    }

    /// <summary>Requests seen so far, oldest first.</summary>
    public IReadOnlyList<StampedRequest> Seen => [.. _seen];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var all = _kube.Requests;
            for (var i = _count; i < all.Count; i++)
            {
                _seen.Enqueue(new StampedRequest(all[i], _clock.Elapsed));
            }

            _count = all.Count;
            try
            {
                await Task.Delay(SampleInterval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
