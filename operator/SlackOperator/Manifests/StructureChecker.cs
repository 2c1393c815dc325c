using System.Globalization;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Crds;

namespace SlackOperator.Manifests;

/// <summary>
/// Checks a JSON object against the C# type it will be read into before it is read: unknown fields, JSON types
/// and required fields, each with its field path and worded as the API server words them. Reading would
/// otherwise drop unknown fields, fill required ones from property initialisers, and stop at the first type error.
/// </summary>
internal static class StructureChecker
{
    public static IReadOnlyList<FieldProblem> Check(JsonNode json, Type type, string path)
    {
        var problems = new List<FieldProblem>();
        CheckNode(json, type, path, problems);
        return problems;
    }

    private static void CheckNode(JsonNode node, Type type, string path, List<FieldProblem> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
        {
            return;
        }

        var expected = ExpectedJsonType(type);
        var actual = JsonType(node);
        if (expected != actual && !(expected == "number" && actual == "integer"))
        {
            problems.Add(new FieldProblem(Display(path),
                $"Invalid value: \"{actual}\": {Display(path)} in body must be of type {expected}: \"{actual}\""));
            return;
        }

        var info = KubeJson.Options.GetTypeInfo(type);
        if (info.Kind == JsonTypeInfoKind.Enumerable && node is JsonArray items && info.ElementType is { } element)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is { } item)
                {
                    CheckNode(item, element, $"{path}[{i}]", problems);
                }
            }
        }
        else if (info.Kind == JsonTypeInfoKind.Object && node is JsonObject obj)
        {
            CheckObject(obj, info, path, problems);
        }
    }

    private static void CheckObject(JsonObject obj, JsonTypeInfo info, string path, List<FieldProblem> problems)
    {
        var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            var childPath = Join(path, key);
            if (!properties.TryGetValue(key, out var property))
            {
                problems.Add(new FieldProblem(Display(childPath), $"unknown field \"{Display(childPath)}\""));
            }
            else if (value is not null)
            {
                CheckNode(value, property.PropertyType, childPath, problems);
            }
        }

        foreach (var property in info.Properties.Where(IsRequired))
        {
            if (obj[property.Name] is null)
            {
                problems.Add(new FieldProblem(Display(Join(path, property.Name)), "Required value"));
            }
        }
    }

    private static bool IsRequired(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;

    private static string ExpectedJsonType(Type type)
    {
        if (type == typeof(string) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type.IsEnum)
        {
            return "string";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
        {
            return "integer";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "number";
        }

        return KubeJson.Options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Enumerable ? "array" : "object";
    }

    private static string JsonType(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture,
            out var d) && decimal.Truncate(d) == d
            ? "integer"
            : "number",
        _ => "null",
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Display(string path) => path.Length == 0 ? "(root)" : path;
}
