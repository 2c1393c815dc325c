namespace SlackOperator.Slack.Events;

/// <summary>What to answer Slack's HTTP request, and the event it carried, if any, to handle afterwards.</summary>
/// <param name="StatusCode">200 for a verified request, 401 for a bad signature, 400 for a malformed body.</param>
/// <param name="Body">The response body (the challenge for <c>url_verification</c>), or null.</param>
/// <param name="Event">A new event to handle; null for challenges, rejects and repeats.</param>
public sealed record EventsApiResponse(int StatusCode, string? Body, SocketMode.SocketModeEvent? Event);
