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
        var type = Read(slackEvent, "type");
        if (type is not ("message" or "app_mention"))
        {
            return null;
        }

        var channel = Read(slackEvent, "channel");
        var ts = Read(slackEvent, "ts");
        if (channel is null || ts is null)
        {
            return null;
        }

        return new MessageEvent(
            channel, Read(slackEvent, "user"), Read(slackEvent, "bot_id"), Read(slackEvent, "subtype"),
            Read(slackEvent, "text") ?? string.Empty, ts, Read(slackEvent, "thread_ts"),
            Read(slackEvent, "channel_type"));
    }

    private static string? Read(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
