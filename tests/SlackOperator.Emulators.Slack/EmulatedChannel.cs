namespace SlackOperator.Emulators.Slack;

/// <summary>A channel of the emulated workspace.</summary>
public sealed record EmulatedChannel(string Id, string Name);
