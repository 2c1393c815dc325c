using System.Text.Json;

namespace SlackOperator.Slack.Events;

/// <summary>A <c>member_joined_channel</c> event: who joined which channel.</summary>
public sealed record MemberJoinedEvent(string User, string Channel)
{
    /// <summary>Reads the event; null when it is another type or lacks the user or channel.</summary>
    public static MemberJoinedEvent? TryRead(JsonElement slackEvent) =>
        JsonFields.String(slackEvent, "type") == "member_joined_channel"
        && JsonFields.String(slackEvent, "user") is { } user
        && JsonFields.String(slackEvent, "channel") is { } channel
            ? new MemberJoinedEvent(user, channel)
            : null;
}
