namespace SlackOperator.Emulators.Slack.State;

/// <summary>The two token families an app holds.</summary>
internal enum TokenKind
{
    Bot,
    App,
}
