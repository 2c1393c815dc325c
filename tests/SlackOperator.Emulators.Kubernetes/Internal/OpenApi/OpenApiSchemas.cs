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
        return schema;
    }

    private static JsonObject Field(string type, string description) => new()
    {
        ["type"] = type,
        ["description"] = description,
    };
}
