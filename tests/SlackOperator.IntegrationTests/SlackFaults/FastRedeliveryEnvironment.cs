using SlackOperator.Emulators.Slack;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.SlackFaults;

/// <summary>An environment whose Slack sends an unacknowledged envelope again after one second, not three.</summary>
public sealed class FastRedeliveryEnvironment() : OperatorEnvironment(
    startOperator: true, null, new SlackEmulatorOptions { AckTimeout = TimeSpan.FromSeconds(1), MaxRetries = 3 });
