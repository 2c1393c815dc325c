namespace SlackOperator.Slack.WebApi;

/// <summary>A channel as the bot sees it.</summary>
public sealed record Conversation(string Id, string Name, bool IsMember, bool IsPrivate, bool IsArchived);
