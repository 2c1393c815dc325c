namespace SlackOperator.Slack.WebApi;

/// <summary>Where Slack stored a posted message.</summary>
public sealed record PostedMessage(string Channel, string Ts);
