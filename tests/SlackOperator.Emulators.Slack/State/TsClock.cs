using System.Globalization;

namespace SlackOperator.Emulators.Slack.State;

/// <summary>Issues Slack message timestamps ("seconds.micros") that are unique and strictly increasing.</summary>
internal sealed class TsClock(TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _lastMicros;

    public string Next()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        long micros;
        lock (_gate)
        {
            micros = Math.Max(now, _lastMicros + 1);
            _lastMicros = micros;
        }

        return Format(micros);
    }

    public long UnixSeconds() => time.GetUtcNow().ToUnixTimeSeconds();

    private static string Format(long micros) =>
        string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}");
}
