using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;

namespace SlackOperator.Emulators.Kubernetes.Internal.OpenApi;

/// <summary>Component schemas: a CRD's own schema, or a small object schema for a built-in kind.</summary>
internal static class OpenApiSchemas
{
    public static JsonObject Gvk(ResourceType type) => new()
    {
        ["group"] = type.Group,
        ["version"] = type.Version,
        ["kind"] = type.Kind,
    };

    public static JsonObject For(ResourceType type)
    {
        var schema = type.Schema?.DeepClone() as JsonObject ?? new JsonObject
        {
            ["description"] = $"{type.Kind} is a built-in Kubernetes kind served by the emulator.",
            ["type"] = "object",
        };
        schema["type"] ??= "object";
        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        properties["apiVersion"] ??= Field("string", "The versioned schema of this representation of an object.");
        properties["kind"] ??= Field("string", "The REST resource this object represents.");
        properties["metadata"] ??= Field("object", "Standard object metadata: name, namespace, labels and more.");
        schema["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(type));
        MarkIntOrString(schema);
        return schema;
    }

    /// <summary>Publishes int-or-string fields as anyOf integer/string, the way the real server does.</summary>
    private static void MarkIntOrString(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["x-kubernetes-int-or-string"]?.ToJsonString() == "true" && obj["anyOf"] is null)
            {
                obj["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" },
                    new JsonObject { ["type"] = "string" });
            }

            foreach (var (_, child) in obj.ToList())
            {
                MarkIntOrString(child);
            }
        }
        else if (node is JsonArray list)
        {
            foreach (var child in list)
            {
                MarkIntOrString(child);
            }
        }
    }

    private static JsonObject Field(string type, string description) => new()
    {
        ["type"] = type,
        ["description"] = description,
    };
}
