using k8s.Models;

namespace SlackOperator.IntegrationTests.Packaging;

/// <summary>
/// One policy rule a service account holds through a binding: everywhere (a ClusterRoleBinding) or in one
/// namespace (a RoleBinding).
/// </summary>
internal sealed record RbacGrant(V1PolicyRule Rule, string? Namespace, string Source)
{
    /// <summary>Every rule the service account holds through the bindings among <paramref name="manifests"/>.</summary>
    public static IReadOnlyList<RbacGrant> Of(RenderedManifests manifests, string serviceAccountNamespace,
        string serviceAccount)
    {
        bool Binds(IList<Rbacv1Subject>? subjects) => subjects?.Any(s => s.Kind == "ServiceAccount"
            && s.Name == serviceAccount && s.NamespaceProperty == serviceAccountNamespace) == true;
        IEnumerable<V1PolicyRule> RulesOf(V1RoleRef role, string? ns) => role.Kind == "ClusterRole"
            ? manifests.Single<V1ClusterRole>(role.Name).Rules ?? []
            : manifests.OfType<V1Role>().Single(r => r.Metadata.Name == role.Name
                && r.Metadata.NamespaceProperty == ns).Rules ?? [];

        var cluster = manifests.OfType<V1ClusterRoleBinding>().Where(b => Binds(b.Subjects)).SelectMany(b =>
            RulesOf(b.RoleRef, null).Select(r => new RbacGrant(r, null, $"ClusterRole {b.RoleRef.Name}")));
        var local = manifests.OfType<V1RoleBinding>().Where(b => Binds(b.Subjects)).SelectMany(b =>
            RulesOf(b.RoleRef, b.Metadata.NamespaceProperty).Select(r => new RbacGrant(r, b.Metadata.NamespaceProperty,
                $"{b.RoleRef.Kind} {b.RoleRef.Name} in {b.Metadata.NamespaceProperty}")));
        return [.. cluster, .. local];
    }

    /// <summary>What the rule allows, one (group, resource, verb) at a time, for naming an excess precisely.</summary>
    public IEnumerable<(string Group, string Resource, string Verb)> Permissions =>
        from g in Rule.ApiGroups ?? [] from r in Rule.Resources ?? [] from v in Rule.Verbs ?? [] select (g, r, v);

    public bool Allows(ApiAccess access) =>
        (Namespace is null || Namespace == access.Namespace)
        && Permissions.Any(p => Allows(p, access));

    public bool Allows((string Group, string Resource, string Verb) permission, ApiAccess access) =>
        (Namespace is null || Namespace == access.Namespace)
        && Matches(permission.Group, access.Group) && Matches(permission.Resource, access.Resource)
        && Matches(permission.Verb, access.Verb)
        && (Rule.ResourceNames is not { Count: > 0 } names || names.Contains(access.Name));

    public string Describe((string Group, string Resource, string Verb) p) =>
        $"{Source}: {p.Verb} {(p.Group.Length == 0 ? "core" : p.Group)}/{p.Resource}"
        + (Rule.ResourceNames is { Count: > 0 } names ? $" (names {string.Join(", ", names)})" : "");

    private static bool Matches(string granted, string used) => granted == "*" || granted == used;
}
