using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Slack.State;

/// <summary>Stores messages and joins, then tells the event sink, so users and bots go through one path.</summary>
internal sealed class Messaging(Workspace workspace, IEventSink sink)
{
    public MessageState PostAsUser(ChannelState channel, string userId, string text, string? threadTs)
    {
        var message = new MessageState
        {
            Ts = workspace.Clock.Next(),
            ChannelId = channel.Id,
            UserId = userId,
            Text = text,
            ThreadTs = threadTs,
        };
        return Store(channel, message);
    }

    public MessageState PostAsBot(
        AppState app, ChannelState channel, string text, string? threadTs, bool broadcast, JsonNode? blocks)
    {
        var message = new MessageState
        {
            Ts = workspace.Clock.Next(),
            ChannelId = channel.Id,
            UserId = app.Info.BotUserId,
            BotId = app.Info.BotId,
            AppId = app.Info.AppId,
            Text = text,
            ThreadTs = threadTs,
            ReplyBroadcast = broadcast && threadTs is not null,
            Blocks = blocks,
        };
        return Store(channel, message);
    }

    /// <summary>Adds a member and announces it; false when the user was a member already.</summary>
    public bool Join(ChannelState channel, string userId, string? inviterId)
    {
        if (channel.IsIm)
        {
            // An IM has its two members for good; nobody else can join or post there.
            if (!workspace.IsMember(channel, userId))
            {
                throw new InvalidOperationException($"{userId} is not one of the two members of {channel.Id}.");
            }

            return false;
        }

        if (!workspace.AddMember(channel, userId))
        {
            return false;
        }

        sink.MemberJoined(channel, userId, inviterId);
        return true;
    }

    private MessageState Store(ChannelState channel, MessageState message)
    {
        workspace.AddMessage(message);
        sink.MessagePosted(channel, message);
        return message;
    }
}
