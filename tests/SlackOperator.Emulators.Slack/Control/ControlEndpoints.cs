using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using static SlackOperator.Emulators.Slack.Control.ControlRequest;

namespace SlackOperator.Emulators.Slack.Control;

/// <summary>The control API under <c>/_emulator/</c>, so shell scripts can drive the emulator with curl.</summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SlackEmulator emulator, ILogger logger)
    {
        var group = routes.MapGroup("/_emulator");
        void Post(string path, Func<JsonObject, JsonNode> action) =>
            group.MapPost(path, (HttpContext c) => HandleAsync(c, logger, action));
        void Get(string path, Func<HttpRequest, JsonNode> action) =>
            group.MapGet(path, (HttpContext c) => HandleAsync(c, logger, _ => action(c.Request)));

        Get("/healthz", _ => new JsonObject { ["ok"] = true });
        Post("/messages", body => PostMessage(emulator, body));
        Get("/messages", request => Messages(emulator, request));
        Get("/reactions", request => Reactions(emulator, request));
        Post("/users", body => ToJson(emulator.AddUser(Required(body, "name"), Flag(body, "is_bot"))));
        Post("/channels", body => ToJson(emulator.AddChannel(
            Required(body, "name"), Flag(body, "is_private"), Strings(body, "members"))));
        Post("/channels/members", body => new JsonObject
        {
            ["ok"] = true,
            ["joined"] = emulator.AddChannelMember(
                Required(body, "channel"), Required(body, "user"), Optional(body, "inviter")),
        });
        Post("/channels/archive", body => Done(() => emulator.ArchiveChannel(Required(body, "channel"))));
        Post("/apps", body => AddApp(emulator, body));
        Get("/apps", _ => new JsonArray([.. emulator.Apps.Select(a => (JsonNode)ToJson(a))]));
        Post("/revoke", body => Done(() => emulator.RevokeToken(Required(body, "token"))));
        Get("/stats", _ => Stats(emulator));
        ControlFaultEndpoints.Map(Post, emulator.Faults);
    }

    public static JsonObject Done(Action action)
    {
        action();
        return new JsonObject { ["ok"] = true };
    }

    private static JsonObject PostMessage(SlackEmulator emulator, JsonObject body)
    {
        var ts = emulator.PostUserMessageAsync(Required(body, "channel"), Required(body, "user"),
            Required(body, "text"), Optional(body, "thread_ts")).GetAwaiter().GetResult();
        return new JsonObject { ["ok"] = true, ["ts"] = ts };
    }

    private static JsonArray Messages(SlackEmulator emulator, HttpRequest request)
    {
        var channel = request.Query["channel"].ToString();
        return new JsonArray([.. emulator.GetMessages(channel).Select(m => (JsonNode)new JsonObject
        {
            ["ts"] = m.Ts,
            ["user"] = m.User,
            ["bot_id"] = m.BotId,
            ["text"] = m.Text,
            ["thread_ts"] = m.ThreadTs,
            ["channel"] = m.Channel,
        })]);
    }

    private static JsonArray Reactions(SlackEmulator emulator, HttpRequest request) =>
        new([.. emulator.GetReactions(request.Query["channel"].ToString(), request.Query["ts"].ToString())
            .Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["user"] = r.UserId })]);

    /// <summary>Tokens are never echoed; unless given, they follow the documented default pattern.</summary>
    private static JsonObject AddApp(SlackEmulator emulator, JsonObject body)
    {
        var app = emulator.AddApp(
            Required(body, "bot_name"), Optional(body, "bot_token"), Optional(body, "app_token"));
        var scopes = Strings(body, "scopes");
        if (scopes is not null)
        {
            emulator.SetBotScopes(app.AppId, scopes);
        }

        return ToJson(app);
    }

    private static JsonObject Stats(SlackEmulator emulator) => new()
    {
        ["apps"] = new JsonArray([.. emulator.Apps.Select(a => emulator.GetDeliveryStats(a.AppId)).Select(s =>
            (JsonNode)new JsonObject
            {
                ["app_id"] = s.AppId,
                ["connections_opened"] = s.ConnectionsOpened,
                ["open_connections"] = s.OpenConnections,
                ["deliveries"] = s.Deliveries,
                ["redeliveries"] = s.Redeliveries,
                ["acks"] = s.Acks,
            })]),
    };

    private static JsonObject ToJson(EmulatedApp app) => new()
    {
        ["app_id"] = app.AppId,
        ["bot_user_id"] = app.BotUserId,
        ["bot_id"] = app.BotId,
        ["bot_name"] = app.BotName,
    };

    private static JsonObject ToJson(EmulatedUser user) => new() { ["id"] = user.Id, ["name"] = user.Name };

    private static JsonObject ToJson(EmulatedChannel channel) =>
        new() { ["id"] = channel.Id, ["name"] = channel.Name };
}
