using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.SlackFaults;

/// <summary>
/// An environment for hundreds of bots: the Kubernetes client and workers are not the bottleneck, and the
/// operator opens at most <see cref="OpensPerSecond"/> Socket Mode connections per second.
/// </summary>
public sealed class StormEnvironment() : OperatorEnvironment(startOperator: true, new Dictionary<string, string?>
{
    ["Slack:MaxConnectionOpensPerSecond"] = "50",
    ["Kubernetes:Qps"] = "2000",
    ["Kubernetes:Burst"] = "4000",
    ["Controller:Workers"] = "32",
})
{
    /// <summary>Matches the setting above; 50 rather than the default 20 so 500 bots start in about 10 s.</summary>
    public const int OpensPerSecond = 50;
}
