using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>api.test, auth.test and apps.connections.open.</summary>
internal sealed class AuthMethods(ITicketIssuer tickets)
{
    /// <summary>Echoes the arguments, never the token; an <c>error</c> argument makes the call fail.</summary>
    public static JsonObject ApiTest(ApiCall call)
    {
        var args = new JsonObject();
        foreach (var name in call.Request.Names)
        {
            args[name] = call.Request.GetString(name);
        }

        var error = call.Request.GetString("error");
        var body = error is null ? ApiResult.Ok() : ApiResult.Error(error);
        body["args"] = args;
        return body;
    }

    public static JsonObject AuthTest(ApiCall call)
    {
        var info = call.App.Info;
        return ApiResult.Ok(new JsonObject
        {
            ["url"] = Workspace.Url,
            ["team"] = Workspace.TeamName,
            ["user"] = info.BotName,
            ["team_id"] = Workspace.TeamId,
            ["user_id"] = info.BotUserId,
            ["bot_id"] = info.BotId,
            ["is_enterprise_install"] = false,
        });
    }

    public JsonObject ConnectionsOpen(ApiCall call) =>
        ApiResult.Ok(new JsonObject { ["url"] = tickets.IssueLink(call.App.Info.AppId).ToString() });
}
