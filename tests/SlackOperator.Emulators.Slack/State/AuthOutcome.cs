namespace SlackOperator.Emulators.Slack.State;

/// <summary>The result of looking a token up.</summary>
internal enum AuthOutcome
{
    Valid,
    Unknown,
    Revoked,
}
