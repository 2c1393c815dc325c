using System.ComponentModel;

namespace SlackOperator.Entities;

/// <summary>One condition in the shape of metav1.Condition.</summary>
public sealed record StatusCondition
{
    /// <summary>The condition's type, e.g. Ready.</summary>
    [Description("The condition's type: Ready, Authenticated, Connected, ChannelsReady, Reconciling or Stalled.")]
    public string Type { get; init; } = string.Empty;

    /// <summary>True, False or Unknown.</summary>
    [Description("True, False or Unknown.")]
    public string Status { get; init; } = "Unknown";

    /// <summary>A CamelCase reason.</summary>
    [Description("A one-word CamelCase reason, e.g. SecretNotFound.")]
    public string? Reason { get; init; }

    /// <summary>What happened and what to do.</summary>
    [Description("What happened, and what to do about it when something is wrong.")]
    public string? Message { get; init; }

    /// <summary>When the status last changed.</summary>
    [Description("When the status last changed.")]
    public DateTime? LastTransitionTime { get; init; }

    /// <summary>The generation the condition was set for.</summary>
    [Description("The metadata.generation the condition was set for.")]
    public long? ObservedGeneration { get; init; }
}
