using System.Text.Json;

namespace SlackOperator.Slack.Events;

/// <summary>The fields of a Slack <c>message</c> or <c>app_mention</c> event that behaviours look at.</summary>
/// <param name="Channel">The conversation id.</param>
/// <param name="User">The author's user id; absent on some bot and system messages.</param>
/// <param name="BotId">Set when a bot or app posted the message.</param>
/// <param name="Subtype">Slack's subtype (<c>message_changed</c>, <c>bot_message</c>...); null for a plain post.
/// </param>
/// <param name="Text">The message text as Slack sent it (mrkdwn, entities escaped).</param>
/// <param name="Ts">The message's timestamp id.</param>
/// <param name="ThreadTs">The parent's timestamp when the message is in a thread.</param>
/// <param name="ChannelType">channel, group, im or mpim.</param>
public sealed record MessageEvent(
    string Channel, string? User, string? BotId, string? Subtype, string Text, string Ts, string? ThreadTs,
    string? ChannelType)
{
    /// <summary>Reads a message event; null when the event is not a message or lacks a channel.</summary>
    public static MessageEvent? TryRead(JsonElement slackEvent)
    {
        string? Field(string name) => JsonFields.String(slackEvent, name);

        if (Field("type") is not ("message" or "app_mention") || Field("channel") is not { } channel
            || Field("ts") is not { } ts)
        {
            return null;
        }

        return new MessageEvent(channel, Field("user"), Field("bot_id"), Field("subtype"),
            Field("text") ?? string.Empty, ts, Field("thread_ts"), Field("channel_type"));
    }
}
