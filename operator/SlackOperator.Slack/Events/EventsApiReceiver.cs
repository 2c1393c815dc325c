using System.Globalization;
using System.Text.Json;
using SlackOperator.Slack.SocketMode;

namespace SlackOperator.Slack.Events;

/// <summary>
/// The Events API over HTTP, for apps that use a request URL instead of Socket Mode: verifies the signature,
/// answers <c>url_verification</c>, and turns an <c>event_callback</c> into an event to handle after the 200 is
/// sent (Slack wants an answer within three seconds). Retries (<c>X-Slack-Retry-Num</c>) of an event already
/// seen are answered 200 and dropped. Free of any web framework: the host passes headers and body in.
/// </summary>
public sealed class EventsApiReceiver
{
    private readonly SlackSignatureVerifier _verifier;
    private readonly EventDeduplicator _seen = new();

    public EventsApiReceiver(TimeProvider time) => _verifier = new SlackSignatureVerifier(time);

    /// <summary>Handles one request from Slack.</summary>
    public EventsApiResponse Receive(string signingSecret, string? timestamp, string? signature, byte[] body)
    {
        var response = Answer(signingSecret, timestamp, signature, body);
        SlackMetrics.EventsApiRequests.Add(1,
            new KeyValuePair<string, object?>("status", response.StatusCode.ToString(CultureInfo.InvariantCulture)));
        return response;
    }

    private EventsApiResponse Answer(string signingSecret, string? timestamp, string? signature, byte[] body)
    {
        if (!_verifier.IsValid(signingSecret, timestamp, signature, body))
        {
            return new EventsApiResponse(401, null, null);
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new EventsApiResponse(400, null, null);
        }

        return JsonFields.String(root, "type") switch
        {
            "url_verification" => new EventsApiResponse(200, JsonFields.String(root, "challenge"), null),
            "event_callback" => Callback(root),
            _ => new EventsApiResponse(200, null, null),
        };
    }

    private EventsApiResponse Callback(JsonElement root)
    {
        var eventId = JsonFields.String(root, "event_id");
        if (eventId is null || !root.TryGetProperty("event", out var inner))
        {
            return new EventsApiResponse(400, null, null);
        }

        return _seen.TryRegister(eventId)
            ? new EventsApiResponse(200, null, new SocketModeEvent(eventId, inner, 0))
            : new EventsApiResponse(200, null, null);
    }
}
