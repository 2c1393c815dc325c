using System.Reflection;
using k8s.Models;

namespace SlackOperator.Kubernetes.Api;

/// <summary>Where a kind of object lives in the API: group, version, plural name and scope.</summary>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>Core Secrets.</summary>
    public static ResourceType Secrets { get; } = new(string.Empty, "v1", "secrets", "Secret", true);

    /// <summary>Core Events.</summary>
    public static ResourceType Events { get; } = new(string.Empty, "v1", "events", "Event", true);

    /// <summary>Leases used for leader election.</summary>
    public static ResourceType Leases { get; } = new("coordination.k8s.io", "v1", "leases", "Lease", true);

    /// <summary><c>group/version</c>, or just the version for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Reads the type from the <see cref="KubernetesEntityAttribute"/> on <typeparamref name="T"/>.</summary>
    public static ResourceType For<T>() => For(typeof(T));

    /// <summary>Reads the type from the <see cref="KubernetesEntityAttribute"/> on <paramref name="type"/>.</summary>
    public static ResourceType For(Type type)
    {
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{type.Name} has no [KubernetesEntity] attribute", nameof(type));
        var namespaced = type.GetCustomAttribute<Crds.ClusterScopedAttribute>() is null;
        return new ResourceType(entity.Group, entity.ApiVersion, entity.PluralName, entity.Kind, namespaced);
    }

    /// <summary>The collection path, in one namespace or (for null) across all of them.</summary>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? "/api/v1" : $"/apis/{Group}/{Version}";
        return Namespaced && @namespace is not null
            ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}"
            : $"{root}/{Plural}";
    }

    /// <summary>The path of one object, optionally of one of its subresources.</summary>
    public string ObjectPath(string? @namespace, string name, string? subresource = null)
    {
        var path = $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";
        return subresource is null ? path : $"{path}/{subresource}";
    }
}
