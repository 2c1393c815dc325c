using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>An authenticated call as a method handler sees it.</summary>
internal sealed record ApiCall(ApiRequest Request, TokenGrant? Grant)
{
    public AppState App => Grant?.App ?? throw new InvalidOperationException("The method needs a token.");

    public string CallerUserId => App.Info.BotUserId;
}
