using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>users.info.</summary>
internal sealed class UsersMethods(Workspace workspace)
{
    public JsonObject Info(ApiCall call)
    {
        var id = call.Request.GetString("user");
        var user = string.IsNullOrEmpty(id) ? null : workspace.FindUser(id);
        return user is null
            ? ApiResult.Error("user_not_found")
            : ApiResult.Ok(new JsonObject { ["user"] = UserJson.Build(user, workspace.Clock.UnixSeconds()) });
    }
}
