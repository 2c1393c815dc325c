using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>The message object shared by chat.postMessage answers and message events.</summary>
internal static class MessageJson
{
    public static JsonObject Build(MessageState message, UserState? author, long now)
    {
        var json = new JsonObject { ["user"] = message.UserId, ["type"] = "message", ["ts"] = message.Ts };
        if (message.BotId is not null)
        {
            json["bot_id"] = message.BotId;
            json["app_id"] = message.AppId;
        }

        json["text"] = message.Text;
        json["team"] = Workspace.TeamId;
        if (message.BotId is not null && author is not null)
        {
            json["bot_profile"] = BotProfile(message, author, now);
        }

        AddThreadFields(json, message);
        if (message.Blocks is not null)
        {
            json["blocks"] = message.Blocks.DeepClone();
        }

        return json;
    }

    private static void AddThreadFields(JsonObject json, MessageState message)
    {
        if (message.ThreadTs is null)
        {
            return;
        }

        json["thread_ts"] = message.ThreadTs;
        if (message.ReplyBroadcast)
        {
            json["subtype"] = "thread_broadcast";
        }
    }

    private static JsonObject BotProfile(MessageState message, UserState author, long now) => new()
    {
        ["id"] = message.BotId,
        ["app_id"] = message.AppId,
        ["user_id"] = author.Id,
        ["name"] = author.Name,
        ["icons"] = new JsonObject(),
        ["deleted"] = false,
        ["updated"] = now,
        ["team_id"] = Workspace.TeamId,
    };
}
