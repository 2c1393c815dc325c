using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using static SlackOperator.Emulators.Slack.Control.ControlRequest;

namespace SlackOperator.Emulators.Slack.Control;

/// <summary>
/// <c>POST /_emulator/ims {"user": "U…", "bot_user": "U…"}</c> opens (or finds) the direct message between a
/// person and an app's bot user and answers <c>{"ok": true, "channel": "D…"}</c>; post into it with
/// <c>POST /_emulator/messages</c> and that channel id.
/// </summary>
internal static class ControlImEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SlackEmulator emulator, ILogger logger) =>
        routes.MapPost("/_emulator/ims", (HttpContext c) => HandleAsync(c, logger, body => new JsonObject
        {
            ["ok"] = true,
            ["channel"] = emulator.OpenDirectMessage(Required(body, "user"), Required(body, "bot_user")),
        }));
}
