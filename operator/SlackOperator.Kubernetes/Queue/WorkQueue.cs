namespace SlackOperator.Kubernetes.Queue;

/// <summary>
/// A de-duplicating work queue with client-go's guarantees: a key waits at most once however often it is
/// added, a key being processed is never handed out again until <see cref="Done"/>, and a key added while it is
/// processed is queued again afterwards. Delayed and rate-limited adds run on <see cref="TimeProvider"/> timers.
/// </summary>
public sealed class WorkQueue : IDisposable
{
    private readonly Queue<string> _queue = new();
    private readonly HashSet<string> _dirty = [];
    private readonly HashSet<string> _processing = [];
    private readonly Dictionary<string, (DateTimeOffset Due, ITimer Timer)> _delayed = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly RetryRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private bool _shuttingDown;

    public WorkQueue(WorkQueueOptions options, TimeProvider time)
    {
        _limiter = new RetryRateLimiter(options, time);
        _time = time;
    }

    /// <summary>Keys waiting to be handed out (delayed keys not included).</summary>
    public int Depth
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Keys waiting for a delay or a backoff to pass.</summary>
    public int DelayedCount
    {
        get
        {
            lock (_lock)
            {
                return _delayed.Count;
            }
        }
    }

    /// <summary>Queues a key unless it is already waiting.</summary>
    public void Add(string key)
    {
        lock (_lock)
        {
            if (_shuttingDown || !_dirty.Add(key))
            {
                return;
            }

            if (_processing.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _available.Release();
    }

    /// <summary>Queues a key after a delay; an earlier pending delay for the same key wins.</summary>
    public void AddAfter(string key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            var due = _time.GetUtcNow() + delay;
            if (_shuttingDown || (_delayed.TryGetValue(key, out var pending) && pending.Due <= due))
            {
                return;
            }

            pending.Timer?.Dispose();
            var timer = _time.CreateTimer(_ => FireDelayed(key, due), null, delay, Timeout.InfiniteTimeSpan);
            _delayed[key] = (due, timer);
        }
    }

    /// <summary>Queues a key after its backoff: exponential per key, bounded overall by a token bucket.</summary>
    public void AddRateLimited(string key) => AddAfter(key, _limiter.NextDelay(key));

    /// <summary>Clears a key's failure count after it was processed successfully.</summary>
    public void Forget(string key) => _limiter.Forget(key);

    /// <summary>How many times the key was re-queued since it was last forgotten.</summary>
    public int Requeues(string key) => _limiter.Failures(key);

    /// <summary>Waits for the next key; null once the queue is shut down and drained.</summary>
    public async Task<string?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                if (_queue.TryDequeue(out var key))
                {
                    _dirty.Remove(key);
                    _processing.Add(key);
                    return key;
                }

                if (_shuttingDown)
                {
                    _available.Release();
                    return null;
                }
            }
        }
    }

    /// <summary>Marks a key's processing finished; re-queues it if it was added meanwhile.</summary>
    public void Done(string key)
    {
        lock (_lock)
        {
            _processing.Remove(key);
            if (!_dirty.Contains(key) || _shuttingDown)
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _available.Release();
    }

    /// <summary>Stops accepting keys and wakes every waiting taker.</summary>
    public void ShutDown()
    {
        lock (_lock)
        {
            _shuttingDown = true;
            foreach (var (_, pending) in _delayed)
            {
                pending.Timer.Dispose();
            }

            _delayed.Clear();
        }

        _available.Release();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ShutDown();
        _available.Dispose();
    }

    private void FireDelayed(string key, DateTimeOffset due)
    {
        lock (_lock)
        {
            if (!_delayed.TryGetValue(key, out var pending) || pending.Due != due)
            {
                return;
            }

            _delayed.Remove(key);
            pending.Timer.Dispose();
        }

        Add(key);
    }
}
