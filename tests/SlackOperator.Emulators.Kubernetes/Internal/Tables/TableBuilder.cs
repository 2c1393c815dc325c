using System.Globalization;
using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Json;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;

namespace SlackOperator.Emulators.Kubernetes.Internal.Tables;

/// <summary>Builds the meta.k8s.io/v1 Table that `kubectl get` asks for.</summary>
internal static class TableBuilder
{
    public static bool IsWanted(string? accept) =>
        accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Build(ResourceType type, IEnumerable<JsonObject> items, long resourceVersion,
        string? includeObject, DateTimeOffset now)
    {
        var columns = TableColumns.For(type);
        var definitions = columns.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["type"] = c.Type,
            ["format"] = c.Format,
            ["description"] = c.Description,
            ["priority"] = c.Priority,
        }).ToArray();
        var rows = items.Select(i => (JsonNode)Row(columns, i, includeObject, now)).ToArray();
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture),
            },
            ["columnDefinitions"] = new JsonArray(definitions),
            ["rows"] = new JsonArray(rows),
        };
    }

    private static JsonObject Row(IReadOnlyList<TableColumn> columns, JsonObject item, string? includeObject,
        DateTimeOffset now)
    {
        var row = new JsonObject { ["cells"] = new JsonArray(columns.Select(c => c.Cell(item, now)).ToArray()) };
        switch (includeObject)
        {
            case "None":
                break;
            case "Object":
                row["object"] = item.DeepClone();
                break;
            default:
                row["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = JsonNodes.Meta(item).DeepClone(),
                };
                break;
        }

        return row;
    }
}
