using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Json;

namespace SlackOperator.Emulators.Kubernetes.Internal.Validation;

/// <summary>Drops fields the structural schema does not declare and reports where they were.</summary>
internal static class SchemaPruner
{
    private static readonly HashSet<string> RootFields = ["apiVersion", "kind", "metadata"];

    public static List<string> Prune(JsonObject obj, JsonObject schema)
    {
        var unknown = new List<string>();
        PruneObject(obj, schema, "", unknown, isRoot: true);
        return unknown;
    }

    private static void PruneNode(JsonNode? node, JsonObject schema, string path, List<string> unknown)
    {
        if (node is JsonObject obj)
        {
            PruneObject(obj, schema, path, unknown, isRoot: false);
        }
        else if (node is JsonArray list && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < list.Count; i++)
            {
                PruneNode(list[i], items, SchemaPaths.Item(path, i), unknown);
            }
        }
    }

    private static void PruneObject(JsonObject obj, JsonObject schema, string path, List<string> unknown, bool isRoot)
    {
        var properties = schema["properties"] as JsonObject;
        var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        foreach (var (key, value) in obj.ToList())
        {
            var childPath = SchemaPaths.Property(path, key);
            if (isRoot && RootFields.Contains(key))
            {
                continue;
            }

            if (properties?[key] is JsonObject childSchema)
            {
                PruneNode(value, childSchema, childPath, unknown);
            }
            else if (schema["additionalProperties"] is JsonObject valueSchema)
            {
                PruneNode(value, valueSchema, SchemaPaths.MapEntry(path, key), unknown);
            }
            else if (!preserve && JsonNodes.At(schema, "additionalProperties")?.ToJsonString() != "true")
            {
                obj.Remove(key);
                unknown.Add(childPath);
            }
        }
    }
}
