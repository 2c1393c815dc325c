using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SlackOperator.Tests.Support;

/// <summary>Records the measurements of one instrument, by meter and instrument name, while it lives.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(double Value, IReadOnlyDictionary<string, string?> Tags)> _measurements = new();

    public MetricRecorder(string meterName, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Record(value, tags));
        _listener.Start();
    }

    /// <summary>Every measurement so far with its tags.</summary>
    public IReadOnlyList<(double Value, IReadOnlyDictionary<string, string?> Tags)> Measurements => [.. _measurements];

    /// <summary>Observes the observable instruments now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>The sum of the measurements whose tags include every pair of <paramref name="tags"/>.</summary>
    public double Sum(params (string Key, string Value)[] tags) => _measurements
        .Where(m => tags.All(tag => m.Tags.TryGetValue(tag.Key, out var value) && value == tag.Value))
        .Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        _measurements.Enqueue((value, copy));
    }
}
