namespace SlackOperator.Emulators.Slack;

/// <summary>An emoji reaction a user or bot added to a message.</summary>
public sealed record EmulatedReaction(string Name, string UserId);
