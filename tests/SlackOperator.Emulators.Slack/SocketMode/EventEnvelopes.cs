using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;
using SlackOperator.Emulators.Slack.WebApi;

namespace SlackOperator.Emulators.Slack.SocketMode;

/// <summary>The JSON shapes Socket Mode sends: hello, disconnect, and events_api envelopes.</summary>
internal static class EventEnvelopes
{
    /// <summary>Slack reports roughly how long, in seconds, it will keep a socket before refreshing it.</summary>
    private const int ApproximateConnectionSeconds = 18060;

    public static string Hello(string appId, int connectionId, int connections) => Serialize(new JsonObject
    {
        ["type"] = "hello",
        ["num_connections"] = connections,
        ["debug_info"] = new JsonObject
        {
            ["host"] = Host(connectionId),
            ["build_number"] = 1,
            ["approximate_connection_time"] = ApproximateConnectionSeconds,
        },
        ["connection_info"] = new JsonObject { ["app_id"] = appId },
    });

    public static string Disconnect(string reason, int connectionId) => Serialize(new JsonObject
    {
        ["type"] = "disconnect",
        ["reason"] = reason,
        ["debug_info"] = new JsonObject { ["host"] = Host(connectionId) },
    });

    /// <summary>The events_api payload; the same object, event_id included, is reused on every retry.</summary>
    public static JsonObject Callback(AppState app, JsonObject @event, long eventTime) => new()
    {
        ["token"] = app.VerificationToken,
        ["team_id"] = Workspace.TeamId,
        ["context_team_id"] = Workspace.TeamId,
        ["context_enterprise_id"] = null,
        ["api_app_id"] = app.Info.AppId,
        ["event"] = @event,
        ["type"] = "event_callback",
        ["event_id"] = "Ev" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10),
        ["event_time"] = eventTime,
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null,
            ["team_id"] = Workspace.TeamId,
            ["user_id"] = app.Info.BotUserId,
            ["is_bot"] = true,
            ["is_enterprise_install"] = false,
        }),
        ["is_ext_shared_channel"] = false,
        ["event_context"] = "4-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
    };

    public static string EventsApi(string envelopeId, JsonObject payload, int retryAttempt) =>
        Serialize(new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["payload"] = payload.DeepClone(),
            ["type"] = "events_api",
            ["accepts_response_payload"] = false,
            ["retry_attempt"] = retryAttempt,
            ["retry_reason"] = retryAttempt == 0 ? "" : "timeout",
        });

    private static string Host(int connectionId) => $"applink-emulator-{connectionId}";

    private static string Serialize(JsonObject json) => json.ToJsonString(WebApiEndpoint.JsonOptions);
}
