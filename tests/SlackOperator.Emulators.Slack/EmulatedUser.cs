namespace SlackOperator.Emulators.Slack;

/// <summary>A member of the emulated workspace.</summary>
public sealed record EmulatedUser(string Id, string Name);
