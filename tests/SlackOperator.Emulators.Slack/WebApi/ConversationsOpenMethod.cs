using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>
/// conversations.open for a bot token: <c>users</c> names one person, and the answer is the IM between that
/// person and the calling bot, made if there was none; <c>channel</c> resumes an IM the bot is in. Only
/// <c>channel.id</c> is returned unless <c>return_im</c> is true; an IM that existed adds <c>no_op</c> and
/// <c>already_open</c>. Multi-person DMs are not emulated.
/// </summary>
internal sealed class ConversationsOpenMethod(Workspace workspace)
{
    public JsonObject Open(ApiCall call)
    {
        var args = call.Request;
        var channelId = args.GetString("channel");
        var users = (args.GetString("users") ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(u => u != call.CallerUserId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (!string.IsNullOrEmpty(channelId))
        {
            var known = workspace.FindChannelById(channelId);
            return known is { IsIm: true } && workspace.IsMember(known, call.CallerUserId)
                ? Answer(known, created: false, call)
                : ApiResult.Error("channel_not_found");
        }

        if (users.Count == 0)
        {
            return ApiResult.Error("users_list_not_supplied");
        }

        if (users.Count > 1)
        {
            // Slack would open a multi-person DM; the emulator has none, so it says so rather than pretend.
            return ApiResult.Error("not_implemented");
        }

        var user = workspace.FindUser(users[0]);
        if (user is null)
        {
            return ApiResult.Error("user_not_found");
        }

        if (user.IsBot)
        {
            return ApiResult.Error("cannot_dm_bot");
        }

        var (im, created) = workspace.OpenIm(user.Id, call.CallerUserId);
        return Answer(im, created, call);
    }

    private JsonObject Answer(ChannelState im, bool created, ApiCall call)
    {
        var channel = call.Request.GetBool("return_im")
            ? ImJson.Build(im, workspace.OtherParty(im, call.CallerUserId))
            : new JsonObject { ["id"] = im.Id };
        var body = created
            ? new JsonObject()
            : new JsonObject { ["no_op"] = true, ["already_open"] = true };
        body["channel"] = channel;
        return ApiResult.Ok(body);
    }
}
