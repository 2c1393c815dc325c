namespace SlackOperator.Slack.WebApi;

/// <summary>A workspace member as <c>users.info</c> describes them.</summary>
public sealed record SlackUser(string Id, string Name, bool IsBot);
