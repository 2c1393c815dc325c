namespace SlackOperator.Bots;

/// <summary>A bot's two tokens. Its text form is redacted so a token cannot reach a log by accident.</summary>
internal sealed record BotTokens(string BotToken, string AppToken)
{
    /// <inheritdoc/>
    public override string ToString() => "BotTokens { redacted }";
}
