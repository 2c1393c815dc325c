namespace SlackOperator.Emulators.Kubernetes;

/// <summary>One API request as the emulator understood it, in RBAC terms.</summary>
/// <param name="Verb">get, list, watch, create, update, patch, delete or deletecollection.</param>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version, empty for non-resource requests.</param>
/// <param name="Resource">Plural resource name, empty for non-resource requests.</param>
/// <param name="Subresource">Subresource such as status, or empty.</param>
/// <param name="Namespace">Namespace, or empty for cluster-wide requests.</param>
/// <param name="Name">Object name, or empty for collections.</param>
/// <param name="StatusCode">HTTP status the emulator answered with.</param>
/// <param name="Path">Request path.</param>
public sealed record RecordedRequest(
    string Verb,
    string Group,
    string Version,
    string Resource,
    string Subresource,
    string Namespace,
    string Name,
    int StatusCode,
    string Path);
