namespace SlackOperator.Bots;

/// <summary>
/// A bot's credentials: the bot token, and the app token (Socket Mode) or the signing secret (Events API). Its
/// text form is redacted so a token cannot reach a log by accident.
/// </summary>
internal sealed record BotTokens(string BotToken, string? AppToken, string? SigningSecret = null)
{
    /// <inheritdoc/>
    public override string ToString() => "BotTokens { redacted }";
}
