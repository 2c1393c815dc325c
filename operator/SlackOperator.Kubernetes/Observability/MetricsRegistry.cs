using System.Diagnostics.Metrics;
using Prometheus;

namespace SlackOperator.Kubernetes.Observability;

/// <summary>
/// The one Prometheus registry of the process: the application's <see cref="System.Diagnostics.Metrics"/> meters
/// through prometheus-net's meter adapter, plus the process and .NET runtime collectors.
/// </summary>
public static class MetricsRegistry
{
    private static readonly Lazy<CollectorRegistry> Shared = new(Create);

    /// <summary>Reconcile and request durations, 1 ms to about 65 s.</summary>
    private static readonly double[] DurationBuckets = Histogram.ExponentialBuckets(0.001, 2, 17);

    /// <summary>
    /// Meters of the framework itself (ASP.NET Core, HttpClient, the runtime): left out, because
    /// <see cref="DotNetStats"/> already exports the runtime's figures and the others would add per-request series
    /// nobody asked for.
    /// </summary>
    private static readonly string[] FrameworkMeterPrefixes = ["System.", "Microsoft."];

    /// <summary>The registry, created and connected to the meters on first use.</summary>
    public static CollectorRegistry Registry => Shared.Value;

    /// <summary>
    /// True for meters whose instruments are exported: every meter of the application, each under its name as a
    /// prefix (<c>SlackOperator.Slack</c> becomes <c>slackoperator_slack_</c>).
    /// </summary>
    public static bool IsExported(Meter meter) =>
        !FrameworkMeterPrefixes.Any(prefix => meter.Name.StartsWith(prefix, StringComparison.Ordinal));

    private static CollectorRegistry Create()
    {
        var registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);

        // One adapter for the process's lifetime, never disposed: the meters are static, so one registry serves
        // every endpoint started in this process (tests start several) and none sees its counters start over.
        MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = registry,

            // prometheus-net 8.2.1 creates the metrics through this factory, which defaults to the default registry's.
            MetricFactory = Metrics.WithCustomRegistry(registry),
            InstrumentFilterPredicate = instrument => IsExported(instrument.Meter),

            // A series unchanged this long is dropped (the default is 5 minutes, 1 day the most prometheus-net allows);
            // a counter that comes back restarts from its next increment, which rate() reads as a counter reset.
            MetricsExpireAfter = TimeSpan.FromDays(1),
            ResolveHistogramBuckets = _ => DurationBuckets,
        });
        return registry;
    }
}
