using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>conversations.info, conversations.join and conversations.list (IMs too, with type <c>im</c>).</summary>
internal sealed class ConversationsMethods(Workspace workspace, Messaging messaging)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public JsonObject Info(ApiCall call)
    {
        var channel = Visible(call.Request.GetString("channel"), call.CallerUserId);
        return channel is null
            ? ApiResult.Error("channel_not_found")
            : ApiResult.Ok(new JsonObject { ["channel"] = Describe(channel, call.CallerUserId) });
    }

    public JsonObject Join(ApiCall call)
    {
        var channel = Visible(call.Request.GetString("channel"), call.CallerUserId);
        if (channel is null)
        {
            return ApiResult.Error("channel_not_found");
        }

        if (channel.IsPrivate)
        {
            return ApiResult.Error("method_not_supported_for_channel_type");
        }

        if (channel.IsArchived)
        {
            return ApiResult.Error("is_archived");
        }

        var joined = messaging.Join(channel, call.CallerUserId, null);
        var body = ApiResult.Ok(new JsonObject { ["channel"] = Describe(channel, call.CallerUserId) });
        return joined ? body : ApiResult.WithWarning(body, "already_in_channel");
    }

    public JsonObject List(ApiCall call)
    {
        var args = call.Request;
        var types = (args.GetString("types") ?? "public_channel").Split(',', StringSplitOptions.TrimEntries);
        var excludeArchived = args.GetBool("exclude_archived");
        var limit = Math.Clamp(args.GetInt("limit") is > 0 and var n ? n : DefaultLimit, 1, MaxLimit);
        var all = workspace.Channels()
            .Where(c => Matches(c, types, call.CallerUserId) && !(excludeArchived && c.IsArchived))
            .ToList();
        var start = ListCursor.Decode(args.GetString("cursor"), all.Select(c => c.Id).ToList());
        if (start is null)
        {
            return ApiResult.Error("invalid_cursor");
        }

        return Page(all, start.Value, limit, call.CallerUserId);
    }

    private JsonObject Page(List<ChannelState> all, int start, int limit, string callerId)
    {
        var page = all.Skip(start).Take(limit).Select(c => (JsonNode)Describe(c, callerId)).ToArray();
        var next = start + limit < all.Count ? ListCursor.Encode(all[start + limit].Id) : "";
        return ApiResult.Ok(new JsonObject
        {
            ["channels"] = new JsonArray(page),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        });
    }

    private bool Matches(ChannelState channel, string[] types, string callerId) => channel.IsIm
        ? types.Contains("im") && workspace.IsMember(channel, callerId)
        : channel.IsPrivate
            ? types.Contains("private_channel") && workspace.IsMember(channel, callerId)
            : types.Contains("public_channel");

    /// <summary>Private channels the caller is not in do not exist as far as the caller can tell.</summary>
    private ChannelState? Visible(string? id, string callerId)
    {
        var channel = string.IsNullOrEmpty(id) ? null : workspace.FindChannelById(id);
        return channel is { IsPrivate: true } && !workspace.IsMember(channel, callerId) ? null : channel;
    }

    private JsonObject Describe(ChannelState channel, string callerId) => channel.IsIm
        ? ImJson.Build(channel, workspace.OtherParty(channel, callerId))
        : ChannelJson.Build(channel, workspace.IsMember(channel, callerId), workspace.MemberCount(channel));
}
