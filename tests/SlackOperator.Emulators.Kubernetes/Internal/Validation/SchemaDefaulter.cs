using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Validation;

/// <summary>Fills in the schema's default values for absent properties, depth first.</summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonNode? node, JsonObject schema)
    {
        if (node is JsonObject obj && schema["properties"] is JsonObject properties)
        {
            foreach (var (key, childSchema) in properties)
            {
                if (childSchema is not JsonObject child)
                {
                    continue;
                }

                if (!obj.ContainsKey(key) && child["default"] is { } value)
                {
                    obj[key] = value.DeepClone();
                }

                Apply(obj[key], child);
            }
        }
        else if (node is JsonArray list && schema["items"] is JsonObject items)
        {
            foreach (var item in list)
            {
                Apply(item, items);
            }
        }
    }
}
