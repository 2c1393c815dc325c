namespace SlackOperator.Kubernetes.Crds;

/// <summary>One thing wrong with an object, at a field path such as <c>spec.channels[0].name</c>.</summary>
public sealed record FieldProblem(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
