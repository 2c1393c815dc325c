using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Slack.State;

/// <summary>A stored message; reactions change under the workspace lock.</summary>
internal sealed class MessageState
{
    public required string Ts { get; init; }

    public required string ChannelId { get; init; }

    public required string UserId { get; init; }

    public string? BotId { get; init; }

    public string? AppId { get; init; }

    public required string Text { get; init; }

    public string? ThreadTs { get; init; }

    public bool ReplyBroadcast { get; init; }

    public JsonNode? Blocks { get; init; }

    public List<EmulatedReaction> Reactions { get; } = [];

    public PostedMessage ToPosted() => new(Ts, UserId, BotId, Text, ThreadTs, ChannelId);
}
