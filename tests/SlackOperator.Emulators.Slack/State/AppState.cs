namespace SlackOperator.Emulators.Slack.State;

/// <summary>An installed app: its public description, granted bot scopes and verification token.</summary>
internal sealed class AppState
{
    public static readonly IReadOnlyList<string> DefaultBotScopes =
    [
        "app_mentions:read", "channels:history", "channels:join", "channels:read", "chat:write",
        "groups:history", "groups:read", "im:history", "im:read", "im:write", "mpim:history", "mpim:read",
        "reactions:write", "users:read",
    ];

    public static readonly IReadOnlyList<string> AppTokenScopes = ["connections:write"];

    public required EmulatedApp Info { get; init; }

    public required IReadOnlyList<string> BotScopes { get; set; }

    /// <summary>The legacy verification token Slack puts in payloads; it grants nothing.</summary>
    public required string VerificationToken { get; init; }
}
