using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>reactions.add.</summary>
internal sealed partial class ReactionsMethods(Workspace workspace)
{
    public JsonObject Add(ApiCall call)
    {
        var args = call.Request;
        var channelId = args.GetString("channel");
        var ts = args.GetString("timestamp");
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(ts))
        {
            return ApiResult.Error("no_item_specified");
        }

        var name = (args.GetString("name") ?? "").Trim(':');
        if (!EmojiName().IsMatch(name))
        {
            return ApiResult.Error("invalid_name");
        }

        var channel = workspace.FindChannelById(channelId);
        if (channel is null || (channel.IsPrivate && !workspace.IsMember(channel, call.CallerUserId)))
        {
            return ApiResult.Error("channel_not_found");
        }

        var message = workspace.FindMessage(channel, ts);
        if (message is null)
        {
            return ApiResult.Error("message_not_found");
        }

        return workspace.AddReaction(message, name, call.CallerUserId)
            ? ApiResult.Ok()
            : ApiResult.Error("already_reacted");
    }

    [GeneratedRegex("^[a-z0-9_+'-]+(::skin-tone-[2-6])?$")]
    private static partial Regex EmojiName();
}
