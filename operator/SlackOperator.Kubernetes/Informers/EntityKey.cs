using k8s;
using k8s.Models;

namespace SlackOperator.Kubernetes.Informers;

/// <summary>Names one object: its namespace (null when cluster-scoped) and name.</summary>
public readonly record struct EntityKey(string? Namespace, string Name)
{
    /// <summary>The key of an object.</summary>
    public static EntityKey Of(IKubernetesObject<V1ObjectMeta> entity) =>
        new(entity.Metadata.NamespaceProperty, entity.Metadata.Name);

    /// <inheritdoc/>
    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
