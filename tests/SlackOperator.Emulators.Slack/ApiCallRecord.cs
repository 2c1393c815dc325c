namespace SlackOperator.Emulators.Slack;

/// <summary>One Web API call the emulator answered, for tests that count calls over time.</summary>
/// <param name="Method">The method, e.g. <c>apps.connections.open</c>.</param>
/// <param name="AppId">The app whose token was used; null when the token was missing or unknown.</param>
/// <param name="At">When the call arrived, on the emulator's clock.</param>
/// <param name="Result"><c>ok</c>, Slack's error code, or <c>http_NNN</c> for an injected HTTP failure.</param>
public sealed record ApiCallRecord(string Method, string? AppId, DateTimeOffset At, string Result);
