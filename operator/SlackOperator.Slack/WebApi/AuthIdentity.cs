namespace SlackOperator.Slack.WebApi;

/// <summary>Who a bot token belongs to, as <c>auth.test</c> answers.</summary>
public sealed record AuthIdentity(
    string UserId, string? BotId, string UserName, string TeamId, string TeamName, string? Url);
