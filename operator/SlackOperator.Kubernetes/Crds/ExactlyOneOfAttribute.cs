namespace SlackOperator.Kubernetes.Crds;

/// <summary>Exactly one of the class's properties must be set; the schema says so with <c>oneOf</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ExactlyOneOfAttribute : Attribute;
