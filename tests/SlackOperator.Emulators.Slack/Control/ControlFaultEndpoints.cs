using System.Text.Json.Nodes;
using static SlackOperator.Emulators.Slack.Control.ControlRequest;

namespace SlackOperator.Emulators.Slack.Control;

/// <summary>The fault routes under <c>/_emulator/faults/</c>.</summary>
internal static class ControlFaultEndpoints
{
    public static void Map(Action<string, Func<JsonObject, JsonNode>> post, SlackFaults faults)
    {
        post("/faults/drop-sockets", body => Count(Optional(body, "app_token") is { } token
            ? faults.DropSockets(token)
            : faults.DropSocketsOfApp(Optional(body, "app_id"))));
        post("/faults/silence", body => Count(faults.Silence(Optional(body, "app_token"))));
        post("/faults/disconnect", body =>
            Count(faults.SendDisconnect(Required(body, "reason"), Optional(body, "app_id"))));
        post("/faults/withhold-hello", body =>
            ControlEndpoints.Done(() => faults.WithholdHello(Flag(body, "enabled"))));
        post("/faults/rate-limit", body => ControlEndpoints.Done(() => faults.RateLimitNext(
            Required(body, "method"), Number(body, "count"), Number(body, "retry_after"))));
        post("/faults/fail", body => ControlEndpoints.Done(() => faults.FailNext(
            Required(body, "method"), Number(body, "count"), Number(body, "status"))));
    }

    private static JsonObject Count(int sockets) => new() { ["ok"] = true, ["sockets"] = sockets };
}
