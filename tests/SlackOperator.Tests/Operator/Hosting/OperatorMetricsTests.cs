using SlackOperator.Hosting;
using SlackOperator.Slack.SocketMode;

namespace SlackOperator.Tests.Operator.Hosting;

public sealed class OperatorMetricsTests
{
    [Fact]
    public void CountByState_SomeBots_OneMeasurementPerStateWithZeros()
    {
        var states = new[] { ConnectionState.Connected, ConnectionState.Connected, ConnectionState.Reconnecting };

        var measurements = OperatorMetrics.CountByState(states)
            .Select(m => $"{m.Tags.ToArray().Single().Value}={m.Value}");

        Assert.Equal(["Connecting=0", "Connected=2", "Reconnecting=1", "Failed=0", "Stopped=0"], measurements);
    }

    [Fact]
    public void CountByState_NoBots_AllZero()
    {
        var measurements = OperatorMetrics.CountByState([]).Select(m => m.Value);

        Assert.Equal([0L, 0L, 0L, 0L, 0L], measurements);
    }
}
