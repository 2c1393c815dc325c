using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>chat.postMessage, with the checks Slack makes before a message is stored.</summary>
internal sealed class ChatMethods(Workspace workspace, Messaging messaging)
{
    /// <summary>Slack refuses message text longer than this many characters.</summary>
    public const int MaxTextLength = 40_000;

    public JsonObject PostMessage(ApiCall call)
    {
        var args = call.Request;
        var channel = ResolveChannel(args.GetString("channel"), call.CallerUserId);
        var refusal = CheckChannel(channel, call);
        if (refusal is not null)
        {
            return ApiResult.Error(refusal);
        }

        var text = args.GetString("text") ?? "";
        var blocks = args.GetJson("blocks");
        var refusedContent = CheckContent(text, blocks, args.GetString("attachments"));
        if (refusedContent is not null)
        {
            return ApiResult.Error(refusedContent);
        }

        var threadTs = NullIfEmpty(args.GetString("thread_ts"));
        var message = messaging.PostAsBot(
            call.App, channel!, text, threadTs, args.GetBool("reply_broadcast"), blocks);
        var author = workspace.FindUser(message.UserId);
        return ApiResult.Ok(new JsonObject
        {
            ["channel"] = channel!.Id,
            ["ts"] = message.Ts,
            ["message"] = MessageJson.Build(message, author, workspace.Clock.UnixSeconds()),
        });
    }

    private ChannelState? ResolveChannel(string? idOrName, string callerId)
    {
        var channel = string.IsNullOrEmpty(idOrName) ? null : workspace.FindChannel(idOrName);
        return channel is { IsPrivate: true } && !workspace.IsMember(channel, callerId) ? null : channel;
    }

    private string? CheckChannel(ChannelState? channel, ApiCall call)
    {
        if (channel is null)
        {
            return "channel_not_found";
        }

        if (channel.IsArchived)
        {
            return "is_archived";
        }

        var canPostAnywhere = call.Grant!.Scopes.Contains("chat:write.public");
        return workspace.IsMember(channel, call.CallerUserId) || canPostAnywhere ? null : "not_in_channel";
    }

    private static string? CheckContent(string text, JsonNode? blocks, string? attachments)
    {
        if (blocks is not null and not JsonArray)
        {
            return "invalid_blocks";
        }

        if (text.Length == 0 && blocks is null && string.IsNullOrEmpty(attachments))
        {
            return "no_text";
        }

        return text.Length > MaxTextLength ? "msg_too_long" : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
