using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Slack.SocketMode;

/// <summary>
/// How long clients take to acknowledge envelopes: from the moment an envelope is queued on its socket to the
/// moment its ack is read. The benchmark reads the percentiles; at most <see cref="MaxSamples"/> are kept.
/// </summary>
internal sealed class AckTimings(TimeProvider time)
{
    public const int MaxSamples = 2_000_000;

    private readonly ConcurrentDictionary<string, long> _sent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<double> _millis = [];
    private int _dropped;

    public void Sent(string envelopeId) => _sent[envelopeId] = time.GetTimestamp();

    public void Acked(string envelopeId)
    {
        if (!_sent.TryRemove(envelopeId, out var sentAt))
        {
            return;
        }

        var millis = time.GetElapsedTime(sentAt).TotalMilliseconds;
        lock (_gate)
        {
            if (_millis.Count < MaxSamples)
            {
                _millis.Add(millis);
            }
            else
            {
                _dropped++;
            }
        }
    }

    /// <summary>An envelope given up on: its send time is no longer needed.</summary>
    public void Forget(string envelopeId) => _sent.TryRemove(envelopeId, out _);

    public void Reset()
    {
        lock (_gate)
        {
            _millis.Clear();
            _dropped = 0;
        }
    }

    /// <summary>Count and percentiles in milliseconds; envelopes still awaiting their ack are counted apart.</summary>
    public JsonObject Summary()
    {
        double[] sorted;
        int dropped;
        lock (_gate)
        {
            sorted = [.. _millis];
            dropped = _dropped;
        }

        Array.Sort(sorted);
        return new JsonObject
        {
            ["ok"] = true,
            ["count"] = sorted.Length,
            ["dropped"] = dropped,
            ["awaiting_ack"] = _sent.Count,
            ["p50_ms"] = Percentile(sorted, 0.50),
            ["p90_ms"] = Percentile(sorted, 0.90),
            ["p99_ms"] = Percentile(sorted, 0.99),
            ["max_ms"] = sorted.Length == 0 ? null : Math.Round(sorted[^1], 3),
        };
    }

    /// <summary>Nearest-rank percentile; null without samples.</summary>
    private static double? Percentile(double[] sorted, double fraction) => sorted.Length == 0
        ? null
        : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)], 3);
}
