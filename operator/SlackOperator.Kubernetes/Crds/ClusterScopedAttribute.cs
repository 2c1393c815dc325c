namespace SlackOperator.Kubernetes.Crds;

/// <summary>Marks an entity whose objects live outside namespaces; entities are namespaced otherwise.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ClusterScopedAttribute : Attribute;
