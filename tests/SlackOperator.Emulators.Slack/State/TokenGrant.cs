namespace SlackOperator.Emulators.Slack.State;

/// <summary>What a presented token resolved to.</summary>
internal sealed record TokenGrant(TokenKind Kind, AppState App)
{
    public IReadOnlyList<string> Scopes => Kind == TokenKind.Bot ? App.BotScopes : AppState.AppTokenScopes;
}
