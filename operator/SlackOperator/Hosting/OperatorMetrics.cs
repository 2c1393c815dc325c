using System.Diagnostics.Metrics;
using SlackOperator.Bots;
using SlackOperator.Kubernetes;
using SlackOperator.Kubernetes.Queue;
using SlackOperator.Slack.SocketMode;

namespace SlackOperator.Hosting;

/// <summary>Gauges read from the live queue and bot host.</summary>
internal static class OperatorMetrics
{
    /// <summary>The operator's own meter; its instruments are scraped with the prefix <c>slackoperator_</c>.</summary>
    public const string MeterName = "SlackOperator";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConnectionState[] States = Enum.GetValues<ConnectionState>();
    private static int _registered;
    private static WorkQueue? _queue;
    private static BotHost? _bots;

    /// <summary>
    /// Points the gauges at this controller's queue and bots. Instruments live as long as the process, so they are
    /// created once; a later controller in the same process (tests start several) replaces the one they read.
    /// </summary>
    public static void Register(WorkQueue queue, BotHost bots)
    {
        Volatile.Write(ref _queue, queue);
        Volatile.Write(ref _bots, bots);
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        RuntimeMetrics.ObserveGauge("workqueue_depth", () => Volatile.Read(ref _queue)?.Depth ?? 0,
            "Keys waiting to be reconciled");
        Meter.CreateObservableGauge("bots", () => CountByState(Volatile.Read(ref _bots)?.ConnectionStates ?? []),
            description: "Bots running in this process by connection state");
    }

    /// <summary>One measurement per state, zeros included, so every series exists from the start.</summary>
    public static IEnumerable<Measurement<long>> CountByState(IEnumerable<ConnectionState> states)
    {
        var counts = states.CountBy(state => state).ToDictionary();
        return States.Select(state => new Measurement<long>(
            counts.GetValueOrDefault(state), new KeyValuePair<string, object?>("state", state.ToString())));
    }
}
