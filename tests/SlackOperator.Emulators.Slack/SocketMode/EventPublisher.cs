using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;
using SlackOperator.Emulators.Slack.WebApi;

namespace SlackOperator.Emulators.Slack.SocketMode;

/// <summary>
/// Turns workspace changes into Events API payloads for every app whose bot is in the channel, the bot's own
/// posts included, exactly as Slack does, so a bot that does not ignore itself will loop.
/// </summary>
internal sealed class EventPublisher(Workspace workspace, EnvelopeCourier courier) : IEventSink
{
    public void MessagePosted(ChannelState channel, MessageState message)
    {
        var members = workspace.Members(channel);
        foreach (var app in workspace.Apps().Where(a => members.Contains(a.Info.BotUserId)))
        {
            Publish(app, MessageEvent(channel, message));
            var mentioned = message.Text.Contains($"<@{app.Info.BotUserId}>", StringComparison.Ordinal);
            // Slack sends no app_mention in a direct message: message.im carries it.
            if (mentioned && message.UserId != app.Info.BotUserId && !channel.IsIm)
            {
                Publish(app, MentionEvent(channel, message));
            }
        }
    }

    public void MemberJoined(ChannelState channel, string userId, string? inviterId)
    {
        var members = workspace.Members(channel);
        foreach (var app in workspace.Apps().Where(a => members.Contains(a.Info.BotUserId)))
        {
            var joined = new JsonObject
            {
                ["type"] = "member_joined_channel",
                ["user"] = userId,
                ["channel"] = channel.Id,
                ["channel_type"] = channel.IsPrivate ? "G" : "C",
                ["team"] = Workspace.TeamId,
                ["event_ts"] = workspace.Clock.Next(),
            };
            if (inviterId is not null)
            {
                joined["inviter"] = inviterId;
            }

            Publish(app, joined);
        }
    }

    private void Publish(AppState app, JsonObject @event) =>
        courier.Send(app.Info.AppId, EventEnvelopes.Callback(app, @event, workspace.Clock.UnixSeconds()));

    private JsonObject MessageEvent(ChannelState channel, MessageState message)
    {
        var json = message.BotId is null
            ? UserMessage(message)
            : MessageJson.Build(message, workspace.FindUser(message.UserId), workspace.Clock.UnixSeconds());
        json["channel"] = channel.Id;
        json["event_ts"] = message.Ts;
        json["channel_type"] = channel.ChannelType;
        AddParent(json, channel, message);
        return json;
    }

    private JsonObject MentionEvent(ChannelState channel, MessageState message)
    {
        var json = new JsonObject { ["type"] = "app_mention", ["user"] = message.UserId, ["text"] = message.Text };
        json["ts"] = message.Ts;
        if (message.BotId is null)
        {
            json["client_msg_id"] = ClientMessageId(message);
        }
        else
        {
            json["bot_id"] = message.BotId;
        }

        json["team"] = Workspace.TeamId;
        json["channel"] = channel.Id;
        json["event_ts"] = message.Ts;
        AddParent(json, channel, message);
        return json;
    }

    private static JsonObject UserMessage(MessageState message) => new()
    {
        ["user"] = message.UserId,
        ["type"] = "message",
        ["ts"] = message.Ts,
        ["client_msg_id"] = ClientMessageId(message),
        ["text"] = message.Text,
        ["team"] = Workspace.TeamId,
    };

    private void AddParent(JsonObject json, ChannelState channel, MessageState message)
    {
        if (message.ThreadTs is null)
        {
            return;
        }

        json["thread_ts"] = message.ThreadTs;
        var parent = workspace.FindMessage(channel, message.ThreadTs);
        if (parent is not null)
        {
            json["parent_user_id"] = parent.UserId;
        }
    }

    /// <summary>Stable per message, so the event and its app_mention twin carry the same id, as in Slack.</summary>
    private static string ClientMessageId(MessageState message) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(message.ChannelId + message.Ts)).AsSpan(0, 16)).ToString();
}
