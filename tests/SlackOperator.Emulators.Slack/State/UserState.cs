namespace SlackOperator.Emulators.Slack.State;

/// <summary>A workspace member; bot users carry the ids of their bot and app.</summary>
internal sealed record UserState(string Id, string Name, bool IsBot, string? BotId = null, string? AppId = null);
