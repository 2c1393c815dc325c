using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SlackOperator.Slack.WebApi;

/// <summary>
/// Remembers Slack's 429 answers per token and method, so every caller of that method with that token waits
/// for the <c>Retry-After</c> instead of each finding out with a 429 of its own. Slack limits each method per
/// app and workspace, which a token identifies. Tokens are kept only as hashes.
/// </summary>
internal sealed class RateLimitGate
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new();
    private readonly TimeProvider _time;

    public RateLimitGate(TimeProvider time) => _time = time;

    /// <summary>How long the method stays closed for this token; zero when it is open.</summary>
    public TimeSpan RemainingWait(string token, string method)
    {
        if (!_blockedUntil.TryGetValue(Key(token, method), out var until))
        {
            return TimeSpan.Zero;
        }

        var wait = until - _time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Records a 429: the method is closed for this token for <paramref name="retryAfter"/>.</summary>
    public void Block(string token, string method, TimeSpan retryAfter)
    {
        var until = _time.GetUtcNow() + retryAfter;
        _blockedUntil.AddOrUpdate(Key(token, method), until, (_, current) => current > until ? current : until);
        Prune();
    }

    private void Prune()
    {
        if (_blockedUntil.Count < 10_000)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var (key, until) in _blockedUntil)
        {
            if (until < now)
            {
                _blockedUntil.TryRemove(key, out _);
            }
        }
    }

    private static string Key(string token, string method) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 12) + "|" + method;
}
