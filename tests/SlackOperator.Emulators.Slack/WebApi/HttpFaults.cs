namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>Armed Web API faults: the next N calls of a method are rate limited or fail.</summary>
internal sealed class HttpFaults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Left, int RetryAfter)> _rateLimits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Left, int Status)> _failures = new(StringComparer.Ordinal);

    public void RateLimitNext(string method, int count, int retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        lock (_gate)
        {
            _rateLimits[method] = (count, retryAfterSeconds);
        }
    }

    public void FailNext(string method, int count, int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        lock (_gate)
        {
            _failures[method] = (count, statusCode);
        }
    }

    public bool TryTakeRateLimit(string method, out int retryAfterSeconds)
    {
        lock (_gate)
        {
            retryAfterSeconds = 0;
            if (!_rateLimits.TryGetValue(method, out var armed) || armed.Left <= 0)
            {
                return false;
            }

            _rateLimits[method] = (armed.Left - 1, armed.RetryAfter);
            retryAfterSeconds = armed.RetryAfter;
            return true;
        }
    }

    public bool TryTakeFailure(string method, out int statusCode)
    {
        lock (_gate)
        {
            statusCode = 0;
            if (!_failures.TryGetValue(method, out var armed) || armed.Left <= 0)
            {
                return false;
            }

            _failures[method] = (armed.Left - 1, armed.Status);
            statusCode = armed.Status;
            return true;
        }
    }
}
