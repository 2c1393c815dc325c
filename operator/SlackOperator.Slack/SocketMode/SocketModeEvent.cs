using System.Text.Json;

namespace SlackOperator.Slack.SocketMode;

/// <summary>An Events API event received over Socket Mode, already acknowledged.</summary>
/// <param name="EventId">Slack's id of the event, the same across redeliveries.</param>
/// <param name="Event">The inner <c>event</c> object (its <c>type</c> says what happened).</param>
/// <param name="RetryAttempt">0 for a first delivery; Slack counts up when it redelivers.</param>
public sealed record SocketModeEvent(string EventId, JsonElement Event, int RetryAttempt)
{
    /// <summary>The inner event's <c>type</c>, such as <c>message</c> or <c>member_joined_channel</c>.</summary>
    public string Type => Event.TryGetProperty("type", out var type) ? type.GetString() ?? string.Empty : string.Empty;
}
