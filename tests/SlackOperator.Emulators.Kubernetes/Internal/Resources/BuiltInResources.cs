namespace SlackOperator.Emulators.Kubernetes.Internal.Resources;

/// <summary>The built-in resources the emulator serves.</summary>
internal static class BuiltInResources
{
    public static readonly ResourceType Namespaces = new("", "v1", "namespaces", "namespace", "Namespace", false)
    {
        ShortNames = ["ns"],
        Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"],
        HasStatus = true,
    };

    public static readonly ResourceType Secrets = new("", "v1", "secrets", "secret", "Secret", true);

    public static readonly ResourceType ConfigMaps = new("", "v1", "configmaps", "configmap", "ConfigMap", true)
    {
        ShortNames = ["cm"],
    };

    public static readonly ResourceType Events = new("", "v1", "events", "event", "Event", true)
    {
        ShortNames = ["ev"],
    };

    public static readonly ResourceType EventsV1 = new("events.k8s.io", "v1", "events", "event", "Event", true)
    {
        ShortNames = ["ev"],
        SharedStorage = "/events",
    };

    public static readonly ResourceType Leases = new("coordination.k8s.io", "v1", "leases", "lease", "Lease", true);

    public static readonly ResourceType Crds = new("apiextensions.k8s.io", "v1", "customresourcedefinitions",
        "customresourcedefinition", "CustomResourceDefinition", false)
    {
        ShortNames = ["crd", "crds"],
        Categories = ["api-extensions"],
        HasStatus = true,
        HasGeneration = true,
    };

    public static IReadOnlyList<ResourceType> All { get; } =
        [Namespaces, Secrets, ConfigMaps, Events, EventsV1, Leases, Crds];
}
