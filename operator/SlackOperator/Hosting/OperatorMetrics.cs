using SlackOperator.Bots;
using SlackOperator.Kubernetes;
using SlackOperator.Kubernetes.Queue;

namespace SlackOperator.Hosting;

/// <summary>Gauges read from the live queue and bot host.</summary>
internal static class OperatorMetrics
{
    private static int _registered;

    public static void Register(WorkQueue queue, BotHost bots)
    {
        // Instruments live as long as the process; a second controller in the same process keeps the first's.
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        RuntimeMetrics.ObserveGauge("workqueue_depth", () => queue.Depth, "Keys waiting to be reconciled");
        RuntimeMetrics.ObserveGauge("slackoperator_bots", () => bots.Count, "Bots running in this process");
    }
}
