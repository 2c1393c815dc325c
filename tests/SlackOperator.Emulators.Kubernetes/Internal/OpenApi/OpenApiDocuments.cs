using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;

namespace SlackOperator.Emulators.Kubernetes.Internal.OpenApi;

/// <summary>
/// OpenAPI v3 documents per group version. Patch operations carry the fieldValidation parameter so kubectl leaves
/// validation to the server, and no request body so kubectl computes strategic merge patches from its built-in
/// types instead of from these deliberately small built-in schemas.
/// </summary>
internal static class OpenApiDocuments
{
    public static string GroupVersionPath(string group, string version) =>
        group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";

    public static JsonObject Root(IReadOnlyList<ResourceType> types)
    {
        var paths = new JsonObject();
        foreach (var gv in types.GroupBy(t => (t.Group, t.Version)))
        {
            var path = GroupVersionPath(gv.Key.Group, gv.Key.Version);
            var hash = Hash(GroupVersion(gv.ToList()).ToJsonString());
            paths[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    public static JsonObject GroupVersion(IReadOnlyList<ResourceType> types)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in types)
        {
            AddPaths(paths, type);
            schemas[SchemaName(type)] = OpenApiSchemas.For(type);
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    public static string SchemaName(ResourceType type)
    {
        if (type.IsCustom)
        {
            var reversed = string.Join('.', type.Group.Split('.').Reverse());
            return $"{reversed}.{type.Version}.{type.Kind}";
        }

        var group = type.Group.Length == 0 ? "core" : type.Group.Split('.')[0];
        return $"io.k8s.api.{group}.{type.Version}.{type.Kind}";
    }

    private static void AddPaths(JsonObject paths, ResourceType type)
    {
        var prefix = "/" + GroupVersionPath(type.Group, type.Version);
        var collection = type.Namespaced
            ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}"
            : $"{prefix}/{type.Plural}";
        paths[collection] = new JsonObject
        {
            ["get"] = Operation(type, "list", []),
            ["post"] = Operation(type, "post", ["dryRun", "fieldManager", "fieldValidation"]),
        };
        var item = new JsonObject
        {
            ["get"] = Operation(type, "get", []),
            ["put"] = Operation(type, "put", ["dryRun", "fieldManager", "fieldValidation"]),
            ["patch"] = Operation(type, "patch", ["dryRun", "fieldManager", "fieldValidation", "force"]),
            ["delete"] = Operation(type, "delete", ["dryRun", "propagationPolicy"]),
        };
        paths[$"{collection}/{{name}}"] = item;
    }

    private static JsonObject Operation(ResourceType type, string action, string[] queryParameters) => new()
    {
        ["operationId"] = $"{action}{type.Kind}",
        ["parameters"] = new JsonArray(queryParameters.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p,
            ["in"] = "query",
            ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
        }).ToArray()),
        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
        ["x-kubernetes-action"] = action,
        ["x-kubernetes-group-version-kind"] = OpenApiSchemas.Gvk(type),
    };

    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
