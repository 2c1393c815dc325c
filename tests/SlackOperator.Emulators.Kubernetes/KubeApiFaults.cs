namespace SlackOperator.Emulators.Kubernetes;

/// <summary>Thread-safe fault injection for <see cref="KubeApiEmulator"/>.</summary>
public sealed class KubeApiFaults
{
    private readonly Lock _lock = new();
    private CancellationTokenSource _watchDrop = new();
    private bool _expireNextWatch;
    private int _conflicts;
    private string? _conflictResource;
    private int _failures;
    private int _failureStatus;
    private int _failureRetryAfter;

    internal KubeApiFaults()
    {
    }

    /// <summary>Ends every open watch stream now.</summary>
    public void DropWatches()
    {
        CancellationTokenSource old;
        lock (_lock)
        {
            old = _watchDrop;
            _watchDrop = new CancellationTokenSource();
        }

        old.Cancel();
        old.Dispose();
    }

    /// <summary>The next watch receives an ERROR event carrying 410 Gone.</summary>
    public void ExpireNextWatch()
    {
        lock (_lock)
        {
            _expireNextWatch = true;
        }
    }

    /// <summary>The next <paramref name="count"/> updates or patches (of one resource, if given) get 409.</summary>
    public void ConflictNextWrites(int count, string? resource = null)
    {
        lock (_lock)
        {
            _conflicts = count;
            _conflictResource = resource;
        }
    }

    /// <summary>The next <paramref name="count"/> API requests fail with the status and Retry-After.</summary>
    public void FailNextRequests(int count, int statusCode, int retryAfterSeconds)
    {
        lock (_lock)
        {
            _failures = count;
            _failureStatus = statusCode;
            _failureRetryAfter = retryAfterSeconds;
        }
    }

    /// <summary>Clears every pending fault.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _expireNextWatch = false;
            _conflicts = 0;
            _failures = 0;
        }
    }

    internal CancellationToken WatchDropToken
    {
        get
        {
            lock (_lock)
            {
                return _watchDrop.Token;
            }
        }
    }

    internal bool TakeExpireWatch()
    {
        lock (_lock)
        {
            var result = _expireNextWatch;
            _expireNextWatch = false;
            return result;
        }
    }

    internal bool TakeConflict(string resource)
    {
        lock (_lock)
        {
            if (_conflicts <= 0 || (_conflictResource is not null && _conflictResource != resource))
            {
                return false;
            }

            _conflicts--;
            return true;
        }
    }

    internal (int StatusCode, int RetryAfter)? TakeFailure()
    {
        lock (_lock)
        {
            if (_failures <= 0)
            {
                return null;
            }

            _failures--;
            return (_failureStatus, _failureRetryAfter);
        }
    }
}
