namespace SlackOperator.Slack.WebApi;

/// <summary>
/// An error answered by Slack or met on the way to it. <see cref="Code"/> is Slack's own error string
/// (<c>invalid_auth</c>, <c>missing_scope</c>...) or one of the transport codes defined here.
/// </summary>
/// <param name="Code">Slack's error code, or a transport code such as <see cref="TimeoutCode"/>.</param>
/// <param name="Detail">A human-readable addition (needed scopes, HTTP status); never contains a token.</param>
public sealed record SlackError(string Code, string? Detail = null)
{
    /// <summary>The call did not complete within the configured timeout. Not Slack's own <c>request_timeout</c>,
    /// which means Slack received a truncated request.</summary>
    public const string TimeoutCode = "client_timeout";

    /// <summary>Slack could not be reached or answered with something that is not Slack's JSON.</summary>
    public const string TransportCode = "transport_error";

    /// <summary>True when the token itself is refused, so retrying with the same token cannot help.</summary>
    public bool IsAuthFailure => Code is "invalid_auth" or "not_authed" or "token_revoked" or "token_expired"
        or "account_inactive" or "not_allowed_token_type" or "invalid_token";

    /// <summary>True when the same call may succeed later without any change.</summary>
    public bool IsTransient => Code is TimeoutCode or TransportCode or "ratelimited" or "internal_error"
        or "fatal_error" or "service_unavailable" or "request_timeout";

    /// <summary>
    /// True for Slack's own <c>internal_error</c> and <c>fatal_error</c>: Slack says part of the call may have
    /// been carried out, so repeating a call that creates something (a message) may create it twice.
    /// </summary>
    public bool MayHaveTakenEffect => Code is "internal_error" or "fatal_error";

    /// <inheritdoc/>
    public override string ToString() => Detail is null ? Code : $"{Code} ({Detail})";
}
