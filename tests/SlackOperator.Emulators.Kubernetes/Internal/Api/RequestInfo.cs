namespace SlackOperator.Emulators.Kubernetes.Internal.Api;

/// <summary>A resource request decomposed the way the API server's authorizer sees it.</summary>
internal sealed record RequestInfo(
    string Verb, string Group, string Version, string Resource, string Subresource, string Namespace, string Name)
{
    /// <summary>Parses /api/v1/... and /apis/group/version/...; null for anything that is not a resource.</summary>
    public static RequestInfo? Parse(string method, string path, bool watch)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (group, version, rest) = parts switch
        {
            ["api", var v, .. var r] => ("", v, r),
            ["apis", var g, var v, .. var r] => (g, v, r),
            _ => ("", "", Array.Empty<string>()),
        };
        if (rest.Length == 0)
        {
            return null;
        }

        var ns = "";
        if (rest is ["namespaces", var n, var resource, ..] && resource is not ("status" or "finalize"))
        {
            ns = n;
            rest = rest[2..];
        }

        if (rest.Length > 3)
        {
            return null;
        }

        var name = rest.Length > 1 ? rest[1] : "";
        var sub = rest.Length > 2 ? rest[2] : "";
        if (rest[0] == "namespaces" && name.Length > 0)
        {
            ns = name;
        }

        return new RequestInfo(VerbOf(method, name.Length > 0, watch), group, version, rest[0], sub, ns, name);
    }

    private static string VerbOf(string method, bool hasName, bool watch) => method switch
    {
        "GET" when hasName => "get",
        "GET" when watch => "watch",
        "GET" => "list",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" when hasName => "delete",
        "DELETE" => "deletecollection",
        _ => method.ToLowerInvariant(),
    };
}
