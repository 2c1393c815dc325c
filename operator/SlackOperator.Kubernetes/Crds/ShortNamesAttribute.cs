namespace SlackOperator.Kubernetes.Crds;

/// <summary>Short names kubectl accepts for the resource (e.g. <c>sb</c>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortNamesAttribute(params string[] names) : Attribute
{
    /// <summary>The short names.</summary>
    public IReadOnlyList<string> Names { get; } = names;
}
