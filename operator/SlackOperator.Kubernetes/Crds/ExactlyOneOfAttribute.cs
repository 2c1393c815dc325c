namespace SlackOperator.Kubernetes.Crds;

/// <summary>
/// Exactly one of the named properties (JSON names) must be set, or of all the class's properties when none are
/// named; the schema says so with <c>oneOf</c>, and <see cref="AttributeValidator"/> checks the same.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ExactlyOneOfAttribute(params string[] properties) : Attribute
{
    /// <summary>The JSON names of the alternatives; empty means every property of the class.</summary>
    public IReadOnlyList<string> Properties { get; } = properties;
}
