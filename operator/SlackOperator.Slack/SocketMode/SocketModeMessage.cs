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
            return new SocketModeMessage(
                Read(root, "type") ?? string.Empty, Read(root, "envelope_id"), Read(root, "reason"), root);
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

        var eventId = Read(payload, "event_id") ?? EnvelopeId ?? string.Empty;
        var retry = Root.TryGetProperty("retry_attempt", out var attempt) && attempt.TryGetInt32(out var n) ? n : 0;
        return new SocketModeEvent(eventId, inner, retry);
    }

    private static string? Read(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
