namespace SlackOperator.IntegrationTests.Packaging;

/// <summary>A request in the terms RBAC decides on; <see cref="Resource"/> has any subresource after a slash.</summary>
internal sealed record ApiAccess(string Verb, string Group, string Resource, string Namespace, string Name,
    string Path)
{
    public override string ToString() =>
        $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{(Resource.Length == 0 ? Path : Resource)}"
        + (Namespace.Length == 0 ? " (cluster-wide)" : $" in {Namespace}") + (Name.Length == 0 ? "" : $" name {Name}");
}
