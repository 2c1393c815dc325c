namespace SlackOperator.IntegrationTests.Support;

/// <summary>
/// An environment whose operator runs without leader election, for tests that inject API failures by count:
/// Lease renewals would otherwise take some of them.
/// </summary>
public sealed class SingleReplicaEnvironment() : OperatorEnvironment(
    startOperator: true, new Dictionary<string, string?> { ["LeaderElection:Enabled"] = "false" });
