using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Json;

/// <summary>Small helpers over System.Text.Json nodes, the emulator's object representation.</summary>
internal static class JsonNodes
{
    public static JsonObject ParseObject(string text)
    {
        var node = JsonNode.Parse(text);
        return node as JsonObject ?? throw new JsonException("expected a JSON object");
    }

    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(key, out var child) ? child : null;
        }

        return node;
    }

    public static string? Str(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }

    public static JsonObject Meta(JsonObject obj) => Child(obj, "metadata");

    public static string Name(JsonObject obj) => Str(obj, "metadata", "name") ?? "";

    public static string Namespace(JsonObject obj) => Str(obj, "metadata", "namespace") ?? "";

    public static long ResourceVersion(JsonObject obj) =>
        long.TryParse(Str(obj, "metadata", "resourceVersion"), CultureInfo.InvariantCulture, out var rv) ? rv : 0;

    public static long? Int64(JsonNode? node) =>
        node is JsonValue && long.TryParse(node.ToJsonString(), CultureInfo.InvariantCulture, out var n) ? n : null;

    public static JsonObject CloneObject(JsonObject obj) => (JsonObject)obj.DeepClone();

    public static bool Equal(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    /// <summary>Renders a scalar for a table cell or a selector comparison.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : null;
}
