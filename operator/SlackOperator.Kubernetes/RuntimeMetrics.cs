using System.Diagnostics.Metrics;

namespace SlackOperator.Kubernetes;

/// <summary>
/// The runtime's instruments on <see cref="System.Diagnostics.Metrics"/>; the host decides how to export them
/// (the operator publishes them on its Prometheus endpoint).
/// </summary>
public static class RuntimeMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SlackOperator.Kubernetes";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Reconciles by resource and result (done, requeue, backoff, error, deleted).</summary>
    public static Counter<long> Reconciles { get; } = Meter.CreateCounter<long>(
        "controller_reconciles", description: "Reconciles by resource and result");

    /// <summary>Reconcile duration in seconds.</summary>
    public static Histogram<double> ReconcileDuration { get; } = Meter.CreateHistogram<double>(
        "controller_reconcile_duration", unit: "s", description: "Time spent in one reconcile");

    /// <summary>Keys re-queued after a failure.</summary>
    public static Counter<long> QueueRetries { get; } = Meter.CreateCounter<long>(
        "workqueue_retries", description: "Keys re-queued with backoff");

    /// <summary>Watch streams restarted, by resource and cause (ended, expired, error).</summary>
    public static Counter<long> WatchRestarts { get; } = Meter.CreateCounter<long>(
        "informer_watch_restarts", description: "Watch streams that ended and were opened again");

    /// <summary>API requests by verb, resource and HTTP code (0 when no answer came).</summary>
    public static Counter<long> ApiRequests { get; } = Meter.CreateCounter<long>(
        "kubernetes_api_requests", description: "Kubernetes API requests by verb and code");

    /// <summary>Registers an observable gauge on the runtime's meter.</summary>
    public static void ObserveGauge(string name, Func<long> read, string description) =>
        Meter.CreateObservableGauge(name, read, description: description);
}
