using SlackOperator.Slack.WebApi;

namespace SlackOperator.Reconciliation;

/// <summary>Maps Slack's error codes to condition reasons and says which need a person to act.</summary>
internal static class SlackErrorReasons
{
    public static string ForBotToken(SlackError error) => error.Code switch
    {
        "invalid_auth" or "not_authed" or "not_allowed_token_type" or "invalid_token" => Reasons.InvalidAuth,
        "token_revoked" or "token_expired" => Reasons.TokenRevoked,
        "account_inactive" => Reasons.AccountInactive,
        "missing_scope" => Reasons.MissingScope,
        _ => Reasons.SlackUnavailable,
    };

    public static string ForAppToken(SlackError error) => error.Code switch
    {
        "invalid_auth" or "not_authed" or "not_allowed_token_type" or "invalid_token" => Reasons.InvalidAppToken,
        "token_revoked" or "token_expired" => Reasons.TokenRevoked,
        "account_inactive" => Reasons.AccountInactive,
        "link_disabled" => Reasons.LinkDisabled,
        "missing_scope" => Reasons.MissingScope,
        _ => Reasons.SlackUnavailable,
    };

    /// <summary>What a person should do about an error, appended to the condition's message.</summary>
    public static string Advice(string reason) => reason switch
    {
        Reasons.InvalidAuth => "check that the Secret holds this app's current Bot User OAuth Token (xoxb-)",
        Reasons.InvalidAppToken => "check that the Secret holds an app-level token (xapp-) with connections:write",
        Reasons.TokenRevoked => "the token was revoked or expired: reinstall the app and update the Secret",
        Reasons.AccountInactive => "the workspace or app was deactivated",
        Reasons.MissingScope => "add the scope to the app, reinstall it and update the Secret",
        Reasons.LinkDisabled => "turn Socket Mode back on in the app's settings",
        _ => "Slack could not be reached; the operator keeps retrying",
    };
}
