using System.ComponentModel;

namespace SlackOperator.Entities;

/// <summary>When a schedule last posted.</summary>
public sealed record ScheduleStatus
{
    /// <summary>The schedule's place in the spec.</summary>
    [Description("The schedule's place in the spec, e.g. spec.channels[0].behaviours[1].")]
    public string? Behaviour { get; init; }

    /// <summary>The occurrence posted last.</summary>
    [Description("The occurrence posted last; an occurrence is never posted twice, even across operator restarts.")]
    public DateTime? LastRun { get; init; }
}
