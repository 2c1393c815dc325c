using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Kubernetes.Controllers;

/// <summary>How a controller runs.</summary>
public sealed class ControllerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Controller";

    /// <summary>Keys reconciled at once; one key is never reconciled twice at the same time.</summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 16;

    /// <summary>Watch one namespace only; null or empty watches all of them.</summary>
    public string? Namespace { get; set; }
}
