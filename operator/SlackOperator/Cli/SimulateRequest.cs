namespace SlackOperator.Cli;

/// <summary>What <c>slack-operator simulate</c> was asked: a message said, or a member joining.</summary>
internal sealed record SimulateRequest(
    string File, string? Say, string User, string? Channel, string? ThreadTs, bool Join);
