using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SlackOperator.Kubernetes;

/// <summary>
/// The runtime's instruments on <see cref="System.Diagnostics.Metrics"/>; the host decides how to export them
/// (the operator publishes them on its Prometheus endpoint, prefixed with the meter's name in snake case, so
/// <c>controller_reconciles_total</c> is scraped as <c>slackoperator_kubernetes_controller_reconciles_total</c>).
/// Names already follow Prometheus conventions (<c>_total</c>, <c>_seconds</c>) because the exporter adds no suffix.
/// </summary>
public static class RuntimeMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SlackOperator.Kubernetes";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<string, int> Leaders = new(StringComparer.Ordinal);

    /// <summary>Reconciles by resource and result (done, requeue, backoff, error, deleted).</summary>
    public static Counter<long> Reconciles { get; } = Meter.CreateCounter<long>(
        "controller_reconciles_total", description: "Reconciles by resource and result");

    /// <summary>Reconcile duration in seconds.</summary>
    public static Histogram<double> ReconcileDuration { get; } = Meter.CreateHistogram<double>(
        "controller_reconcile_duration_seconds", unit: "s", description: "Time spent in one reconcile");

    /// <summary>Keys re-queued after a failure.</summary>
    public static Counter<long> QueueRetries { get; } = Meter.CreateCounter<long>(
        "workqueue_retries_total", description: "Keys re-queued with backoff");

    /// <summary>Watch streams restarted, by resource and cause (ended, expired, error).</summary>
    public static Counter<long> WatchRestarts { get; } = Meter.CreateCounter<long>(
        "informer_watch_restarts_total", description: "Watch streams that ended and were opened again");

    /// <summary>API requests by verb, resource and HTTP code (0 when no answer came).</summary>
    public static Counter<long> ApiRequests { get; } = Meter.CreateCounter<long>(
        "api_requests_total", description: "Kubernetes API requests by verb and code");

    /// <summary>1 while this process leads through a Lease, by lease (namespace/name), else 0.</summary>
    public static ObservableGauge<int> IsLeader { get; } = Meter.CreateObservableGauge(
        "leader_election_is_leader",
        () => Leaders.Select(pair => new Measurement<int>(pair.Value, LeaseTag(pair.Key))),
        description: "Whether this replica is the leader (1) or a standby (0)");

    /// <summary>Records whether this process now leads through <paramref name="lease"/>.</summary>
    public static void ReportLeader(string lease, bool isLeader) => Leaders[lease] = isLeader ? 1 : 0;

    private static KeyValuePair<string, object?> LeaseTag(string lease) => new("lease", lease);

    /// <summary>Registers an observable gauge on the runtime's meter.</summary>
    public static void ObserveGauge(string name, Func<long> read, string description) =>
        Meter.CreateObservableGauge(name, read, description: description);
}
