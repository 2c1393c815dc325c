using SlackOperator.Entities;

namespace SlackOperator.Reconciliation;

/// <summary>
/// Builds the new list of conditions, keeping each condition's lastTransitionTime unless its status flipped,
/// so an unchanged condition never causes a status write.
/// </summary>
internal sealed class ConditionSet
{
    private readonly IReadOnlyList<StatusCondition> _previous;
    private readonly long? _generation;
    private readonly DateTime _now;
    private readonly List<StatusCondition> _conditions = [];

    public ConditionSet(IReadOnlyList<StatusCondition>? previous, long? generation, DateTime now)
    {
        _previous = previous ?? [];
        _generation = generation;
        _now = now;
    }

    public IReadOnlyList<StatusCondition> Conditions => _conditions;

    public ConditionSet Set(string type, bool? status, string reason, string message)
    {
        var value = status switch { true => "True", false => "False", null => "Unknown" };
        var before = _previous.FirstOrDefault(c => c.Type == type);
        var since = before is not null && before.Status == value && before.LastTransitionTime is { } t ? t : _now;
        _conditions.Add(new StatusCondition
        {
            Type = type,
            Status = value,
            Reason = reason,
            Message = message,
            LastTransitionTime = since,
            ObservedGeneration = _generation,
        });
        return this;
    }

    /// <summary>Carries a condition over unchanged.</summary>
    public ConditionSet Keep(StatusCondition condition)
    {
        _conditions.Add(condition);
        return this;
    }

    /// <summary>Adds an "abnormal-true" condition (Reconciling, Stalled) only while it holds.</summary>
    public ConditionSet SetWhileTrue(string type, bool holds, string reason, string message) =>
        holds ? Set(type, true, reason, message) : this;
}
