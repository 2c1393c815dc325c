namespace SlackOperator.Bots;

/// <summary>A declared channel as found in Slack; <see cref="Id"/> is null when it was not found.</summary>
internal sealed record ChannelObservation(
    string Declared, string? Name, string? Id, bool Member, string? Reason, string? Error);
