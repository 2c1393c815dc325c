namespace SlackOperator.Reconciliation;

/// <summary>The condition reasons SlackOperator writes; each is documented in README's troubleshooting table.</summary>
internal static class Reasons
{
    public const string Ready = "Ready";
    public const string Authenticated = "Authenticated";
    public const string Connected = "Connected";
    public const string ChannelsReady = "ChannelsReady";
    public const string Connecting = "Connecting";
    public const string Reconnecting = "Reconnecting";
    public const string EventsApi = "EventsApi";
    public const string Suspended = "Suspended";
    public const string SecretNotFound = "SecretNotFound";
    public const string SecretKeyNotFound = "SecretKeyNotFound";
    public const string InvalidAuth = "InvalidAuth";
    public const string MalformedToken = "MalformedToken";
    public const string InvalidAppToken = "InvalidAppToken";
    public const string TokenRevoked = "TokenRevoked";
    public const string AccountInactive = "AccountInactive";
    public const string MissingScope = "MissingScope";
    public const string LinkDisabled = "LinkDisabled";
    public const string SlackUnavailable = "SlackUnavailable";
    public const string NotAuthenticated = "NotAuthenticated";
    public const string InvalidSpec = "InvalidSpec";
}
