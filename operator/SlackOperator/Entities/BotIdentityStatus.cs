using System.ComponentModel;

namespace SlackOperator.Entities;

/// <summary>The bot's identity.</summary>
public sealed record BotIdentityStatus
{
    /// <summary>The bot user's id.</summary>
    [Description("The bot user's id, e.g. U0123456789.")]
    public string? UserId { get; init; }

    /// <summary>The bot's id.</summary>
    [Description("The bot's id, e.g. B0123456789.")]
    public string? BotId { get; init; }

    /// <summary>The bot user's name.</summary>
    [Description("The bot user's name.")]
    public string? Name { get; init; }

    /// <summary>The workspace id.</summary>
    [Description("The workspace id, e.g. T0123456789.")]
    public string? TeamId { get; init; }

    /// <summary>The workspace name.</summary>
    [Description("The workspace name.")]
    public string? Team { get; init; }
}
