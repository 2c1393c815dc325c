using System.ComponentModel;

namespace SlackOperator.Entities;

/// <summary>What the operator observed of the bot.</summary>
public sealed class SlackBotStatus
{
    /// <summary>The generation this status describes.</summary>
    [Description("The metadata.generation this status describes.")]
    public long? ObservedGeneration { get; set; }

    /// <summary>Ready, Authenticated, Connected, and Reconciling / Stalled while true.</summary>
    [Description("Ready, Authenticated, Connected and ChannelsReady; Reconciling and Stalled only while true.")]
    public List<StatusCondition>? Conditions { get; set; }

    /// <summary>Whom the bot token belongs to.</summary>
    [Description("The bot's identity as Slack reports it for the bot token.")]
    public BotIdentityStatus? Bot { get; set; }

    /// <summary>The Socket Mode link.</summary>
    [Description("The Socket Mode connection.")]
    public ConnectionStatusView? Connection { get; set; }

    /// <summary>Each declared channel.</summary>
    [Description("Each declared channel: its id and whether the bot is a member.")]
    public List<ChannelStatus>? Channels { get; set; }

    /// <summary>When each schedule last posted.</summary>
    [Description("When each schedule behaviour last posted.")]
    public List<ScheduleStatus>? Schedules { get; set; }

    /// <summary>Channels joined over channels declared, e.g. 2/3.</summary>
    [Description("Channels the bot is in over channels declared, e.g. 2/3.")]
    public string? ChannelSummary { get; set; }
}
