namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>Hands out single-use Socket Mode URLs.</summary>
internal interface ITicketIssuer
{
    Uri IssueLink(string appId);
}
