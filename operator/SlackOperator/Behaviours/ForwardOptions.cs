namespace SlackOperator.Behaviours;

/// <summary>Settings of forward behaviours.</summary>
internal sealed class ForwardOptions
{
    public const string SectionName = "Forward";

    /// <summary>
    /// Allow services on loopback (localhost, 127.0.0.1). Off by default: in a cluster a forward to loopback
    /// would reach the operator's own pod. For local development and tests only.
    /// </summary>
    public bool AllowLoopback { get; set; }
}
