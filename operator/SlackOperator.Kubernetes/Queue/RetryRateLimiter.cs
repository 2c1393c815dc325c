namespace SlackOperator.Kubernetes.Queue;

/// <summary>
/// The delay before a key is retried: the larger of a per-key exponential backoff and an overall token bucket,
/// as client-go's default controller rate limiter does. A key's count resets when it is forgotten.
/// </summary>
internal sealed class RetryRateLimiter
{
    private readonly WorkQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, int> _failures = [];
    private readonly Lock _lock = new();
    private double _tokens;
    private DateTimeOffset _lastRefill;

    public RetryRateLimiter(WorkQueueOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _tokens = options.RetryBurst;
        _lastRefill = time.GetUtcNow();
    }

    public TimeSpan NextDelay(string key)
    {
        lock (_lock)
        {
            _failures.TryGetValue(key, out var failures);
            _failures[key] = failures + 1;
            var exponential = _options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 40));
            var perKey = TimeSpan.FromMilliseconds(Math.Min(exponential, _options.MaxRetryDelay.TotalMilliseconds));
            var bucket = TakeToken();
            return perKey > bucket ? perKey : bucket;
        }
    }

    public int Failures(string key)
    {
        lock (_lock)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    public void Forget(string key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>Takes a token (going into debt when none is left) and says how long until it is covered.</summary>
    private TimeSpan TakeToken()
    {
        var now = _time.GetUtcNow();
        var refill = (now - _lastRefill).TotalSeconds * _options.RetriesPerSecond;
        _tokens = Math.Min(_options.RetryBurst, _tokens + refill) - 1;
        _lastRefill = now;
        return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _options.RetriesPerSecond);
    }
}
