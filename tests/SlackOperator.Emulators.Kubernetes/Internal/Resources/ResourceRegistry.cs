namespace SlackOperator.Emulators.Kubernetes.Internal.Resources;

/// <summary>The set of served resources: built-ins plus whatever the stored CRDs declare.</summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, IReadOnlyList<ResourceType>> _byCrd = [];

    public IReadOnlyList<ResourceType> All
    {
        get
        {
            lock (_lock)
            {
                return [.. BuiltInResources.All, .. _byCrd.Values.SelectMany(v => v)];
            }
        }
    }

    public ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    public bool HasGroupVersion(string group, string version) =>
        All.Any(t => t.Group == group && t.Version == version);

    public void SetCrd(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (_lock)
        {
            _byCrd[crdName] = types;
        }
    }

    public void RemoveCrd(string crdName)
    {
        lock (_lock)
        {
            _byCrd.Remove(crdName);
        }
    }
}
