namespace SlackOperator.Emulators.Slack;

/// <summary>A Slack app installed in the emulated workspace, with its bot user and tokens.</summary>
public sealed record EmulatedApp(
    string AppId, string BotUserId, string BotId, string BotName, string BotToken, string AppToken);
