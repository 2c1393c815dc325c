using System.ComponentModel;

namespace SlackOperator.Entities;

/// <summary>One declared channel as found in Slack.</summary>
public sealed record ChannelStatus
{
    /// <summary>The channel's name.</summary>
    [Description("The channel's name.")]
    public string? Name { get; init; }

    /// <summary>The channel's id.</summary>
    [Description("The channel's id.")]
    public string? Id { get; init; }

    /// <summary>Whether the bot is in it.</summary>
    [Description("Whether the bot is a member of the channel.")]
    public bool Member { get; init; }

    /// <summary>Why the channel is not usable.</summary>
    [Description("Why the bot cannot work in the channel, and how to fix it.")]
    public string? Error { get; init; }
}
