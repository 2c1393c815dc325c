using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Entities;

/// <summary>The declared bot.</summary>
public sealed class SlackBotSpec
{
    /// <summary>Where the bot token is.</summary>
    [Required]
    [Description("The bot token (xoxb-...), read from a Secret in the SlackBot's namespace.")]
    public TokenSource BotToken { get; set; } = new();

    /// <summary>How Slack delivers events to the bot.</summary>
    [RegularExpression("^(SocketMode|EventsApi)$")]
    [DefaultValue(BotModes.SocketMode)]
    [Description("How Slack delivers events: SocketMode (the default; the operator opens a WebSocket with " +
        "spec.appToken) or EventsApi (Slack posts them to the operator's HTTP port at " +
        "/slack/events/<namespace>/<name>, signed with spec.signingSecret).")]
    public string? Mode { get; set; }

    /// <summary>Where the app-level token is; required in Socket Mode.</summary>
    [Description("The app-level token (xapp-...) with connections:write, used for Socket Mode, " +
        "read from a Secret in the SlackBot's namespace. Required when spec.mode is SocketMode.")]
    public TokenSource? AppToken { get; set; }

    /// <summary>Where the app's signing secret is; required in Events API mode.</summary>
    [Description("The app's Signing Secret (Basic Information > App Credentials), read from a Secret in the " +
        "SlackBot's namespace; every request Slack posts is checked against it. Required when spec.mode is " +
        "EventsApi.")]
    public TokenSource? SigningSecret { get; set; }

    /// <summary>Answer other bots' messages too.</summary>
    [Description("When true, behaviours also answer messages from other bots (never the bot's own). Off by " +
        "default so two bots cannot answer each other forever.")]
    public bool? AllowBots { get; set; }

    /// <summary>Stops the bot without deleting it.</summary>
    [Description("When true, the bot disconnects and does nothing until set back to false.")]
    public bool? Suspend { get; set; }

    /// <summary>Per-channel behaviours.</summary>
    [MaxLength(100)]
    [Description("Channels the bot works in, each with its own behaviours.")]
    public List<ChannelSpec>? Channels { get; set; }

    /// <summary>Behaviours for every conversation the bot is in.</summary>
    [MaxLength(50)]
    [Description("Behaviours that apply in every conversation the bot is in, direct messages included.")]
    public List<BehaviourSpec>? Behaviours { get; set; }
}
