using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>
/// Legacy (unaggregated) discovery documents. Clients that ask for aggregated discovery fall back to these when
/// the response's Content-Type is plain application/json.
/// </summary>
internal static class DiscoveryDocuments
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2024-12-11T00:00:00Z",
        ["goVersion"] = "go1.23.3",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
        {
            ["clientCIDR"] = "0.0.0.0/0",
            ["serverAddress"] = serverAddress,
        }),
    };

    public static JsonObject GroupList(IReadOnlyList<ResourceType> types) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(types.Where(t => t.Group.Length > 0).GroupBy(t => t.Group)
            .Select(g => (JsonNode)Group(g.Key, g.Select(t => t.Version).Distinct().ToList())).ToArray()),
    };

    public static JsonObject Group(string group, IReadOnlyList<string> versions)
    {
        var entries = versions.Select(v => (JsonNode)GroupVersion(group, v)).ToArray();
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray(entries),
            ["preferredVersion"] = GroupVersion(group, versions[0]),
        };
    }

    public static JsonObject ResourceList(string groupVersion, IEnumerable<ResourceType> types) => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = groupVersion,
        ["resources"] = new JsonArray(types.SelectMany(Resources).ToArray()),
    };

    private static JsonObject GroupVersion(string group, string version) => new()
    {
        ["groupVersion"] = $"{group}/{version}",
        ["version"] = version,
    };

    private static IEnumerable<JsonNode> Resources(ResourceType type)
    {
        var main = new JsonObject
        {
            ["name"] = type.Plural,
            ["singularName"] = type.Singular,
            ["namespaced"] = type.Namespaced,
            ["kind"] = type.Kind,
            ["verbs"] = Array(type.Verbs),
        };
        if (type.ShortNames.Count > 0)
        {
            main["shortNames"] = Array(type.ShortNames);
        }

        if (type.Categories.Count > 0)
        {
            main["categories"] = Array(type.Categories);
        }

        yield return main;
        if (type.HasStatus)
        {
            yield return new JsonObject
            {
                ["name"] = $"{type.Plural}/status",
                ["singularName"] = "",
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = Array(["get", "patch", "update"]),
            };
        }
    }

    private static JsonArray Array(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
