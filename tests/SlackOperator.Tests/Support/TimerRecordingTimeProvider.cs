using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SlackOperator.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer created, so a test can wait until the code under test
/// has started waiting before it moves the clock, instead of guessing with real time.
/// </summary>
internal sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (or already created and not yet taken).</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _created.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>Fires every timer the code creates until <paramref name="task"/> completes.</summary>
    public async Task<T> RunUntilDoneAsync<T>(Task<T> task)
    {
        while (!task.IsCompleted)
        {
            var waiting = _created.Reader.WaitToReadAsync().AsTask();
            await Task.WhenAny(task, waiting).WaitAsync(Patience);
            while (_created.Reader.TryRead(out var due))
            {
                Advance(due);
            }
        }

        return await task;
    }
}
