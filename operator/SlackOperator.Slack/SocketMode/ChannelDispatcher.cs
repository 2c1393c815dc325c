namespace SlackOperator.Slack.SocketMode;

/// <summary>
/// Hands events to a handler, one channel at a time and in arrival order within a channel, with at most a given
/// number of handlers running at once. A bot's replies are paced per channel, so a burst in one channel waits for
/// its own pace without holding every handler: the other channels keep being answered.
/// </summary>
public sealed class ChannelDispatcher
{
    private readonly Func<SocketModeEvent, CancellationToken, Task> _handle;
    private readonly Action<SocketModeEvent, Exception> _failed;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationToken _stop;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<SocketModeEvent>> _queues = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private bool _completed;

    /// <param name="maxConcurrent">How many events are handled at once, across channels.</param>
    /// <param name="handle">Handles one event.</param>
    /// <param name="failed">Told of a handler's failure; the next event is handled all the same.</param>
    /// <param name="stop">Cancels the handlers; events still queued then are dropped.</param>
    public ChannelDispatcher(int maxConcurrent, Func<SocketModeEvent, CancellationToken, Task> handle,
        Action<SocketModeEvent, Exception> failed, CancellationToken stop)
    {
        _slots = new SemaphoreSlim(Math.Max(1, maxConcurrent));
        _handle = handle;
        _failed = failed;
        _stop = stop;
    }

    /// <summary>Queues an event behind the others of its channel; false once <see cref="CompleteAsync"/> ran.</summary>
    public bool TryPost(SocketModeEvent slackEvent)
    {
        var channel = JsonFields.String(slackEvent.Event, "channel") ?? string.Empty;
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            if (_queues.TryGetValue(channel, out var queue))
            {
                queue.Enqueue(slackEvent);
                return true;
            }

            _queues[channel] = new Queue<SocketModeEvent>([slackEvent]);
            _running++;
        }

        _ = Task.Run(() => DrainAsync(channel));
        return true;
    }

    /// <summary>Takes no more events and completes when every queued one was handled (or dropped on stop).</summary>
    public Task CompleteAsync()
    {
        lock (_gate)
        {
            _completed = true;
            if (_running == 0)
            {
                _idle.TrySetResult();
            }
        }

        return _idle.Task;
    }

    private async Task DrainAsync(string channel)
    {
        while (true)
        {
            SocketModeEvent next;
            lock (_gate)
            {
                var queue = _queues[channel];
                if (queue.Count == 0 || _stop.IsCancellationRequested)
                {
                    _queues.Remove(channel);
                    if (--_running == 0 && _completed)
                    {
                        _idle.TrySetResult();
                    }

                    return;
                }

                next = queue.Dequeue();
            }

            await HandleOneAsync(next).ConfigureAwait(false);
        }
    }

    private async Task HandleOneAsync(SocketModeEvent slackEvent)
    {
        try
        {
            await _slots.WaitAsync(_stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // stopping: the loop above drops what is left
        }

        try
        {
            await _handle(slackEvent, _stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping ends a handler that outlived the drain period.
        }
        catch (Exception ex)
        {
            _failed(slackEvent, ex);
        }
        finally
        {
            _slots.Release();
        }
    }
}
