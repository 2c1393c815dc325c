namespace SlackOperator.Emulators.Slack;

/// <summary>A message in a channel; <see cref="BotId"/> is set when an app posted it.</summary>
public sealed record PostedMessage(
    string Ts, string? User, string? BotId, string Text, string? ThreadTs, string Channel);
