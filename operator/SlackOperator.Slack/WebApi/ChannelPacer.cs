using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SlackOperator.Slack.WebApi;

/// <summary>
/// Keeps posting to about one message per second per channel, with a small burst, as Slack asks of apps: a
/// token bucket per token and channel. Callers over the pace wait their turn rather than collect a 429.
/// </summary>
internal sealed class ChannelPacer
{
    private const int Burst = 3;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();
    private readonly TimeProvider _time;

    public ChannelPacer(TimeProvider time) => _time = time;

    /// <summary>Waits until a message may be posted to the channel.</summary>
    public async Task WaitTurnAsync(string token, string channel, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 12) + "|" + channel;
        var wait = _buckets.GetOrAdd(key, _ => new Bucket(_time.GetUtcNow())).Reserve(_time.GetUtcNow());
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        Prune();
    }

    private void Prune()
    {
        if (_buckets.Count < 10_000)
        {
            return;
        }

        var idleSince = _time.GetUtcNow() - (Interval * Burst * 2);
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IdleSince(idleSince))
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    /// <summary>
    /// The generic cell rate algorithm: <c>_due</c> is when the channel would next be free at a steady pace; a
    /// caller may run up to a burst ahead of it and waits for whatever lies beyond.
    /// </summary>
    private sealed class Bucket(DateTimeOffset now)
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _due = now;

        public TimeSpan Reserve(DateTimeOffset now)
        {
            lock (_lock)
            {
                var due = _due > now ? _due : now;
                _due = due + Interval;
                var wait = due - now - (Interval * (Burst - 1));
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        public bool IdleSince(DateTimeOffset moment)
        {
            lock (_lock)
            {
                return _due < moment;
            }
        }
    }
}
