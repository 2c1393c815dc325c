using System.ComponentModel;

namespace SlackOperator.Entities;

/// <summary>The Socket Mode link as shown on the status.</summary>
public sealed record ConnectionStatusView
{
    /// <summary>Connecting, Connected, Reconnecting, Failed or Stopped.</summary>
    [Description("Connecting, Connected, Reconnecting, Failed or Stopped.")]
    public string? State { get; init; }

    /// <summary>When the link entered this state.</summary>
    [Description("When the connection entered this state.")]
    public DateTime? Since { get; init; }

    /// <summary>Links lost and replaced since the bot started.</summary>
    [Description("Connections lost and replaced since this bot was started by the operator.")]
    public int? Reconnects { get; init; }

    /// <summary>The error behind the latest loss.</summary>
    [Description("The error behind the latest loss or failure, as Slack named it.")]
    public string? LastError { get; init; }
}
