using System.Text.Json;

namespace SlackOperator.Slack.SocketMode;

/// <summary>One frame sent by Slack over a Socket Mode WebSocket, parsed just enough to route it.</summary>
internal sealed record SocketModeMessage(string Type, string? EnvelopeId, string? Reason, JsonElement Root)
{
    public static SocketModeMessage? TryParse(ReadOnlyMemory<byte> frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame);
            var root = document.RootElement.Clone();
            var type = JsonFields.String(root, "type") ?? string.Empty;
            return new SocketModeMessage(
                type, JsonFields.String(root, "envelope_id"), JsonFields.String(root, "reason"), root);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The Events API event inside an <c>events_api</c> envelope, when there is one.</summary>
    public SocketModeEvent? ToEvent()
    {
        if (Type != "events_api" || !Root.TryGetProperty("payload", out var payload)
            || !payload.TryGetProperty("event", out var inner))
        {
            return null;
        }

        var eventId = JsonFields.String(payload, "event_id") ?? EnvelopeId ?? string.Empty;
        var retry = Root.TryGetProperty("retry_attempt", out var attempt) && attempt.TryGetInt32(out var n) ? n : 0;
        return new SocketModeEvent(eventId, inner, retry);
    }
}
