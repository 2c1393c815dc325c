using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Json;

namespace SlackOperator.Emulators.Kubernetes.Internal.Validation;

/// <summary>Validates a value against an OpenAPI v3 structural schema, reporting errors like the API server.</summary>
internal static class SchemaValidator
{
    public static List<FieldError> Validate(JsonNode? node, JsonObject schema, string path)
    {
        var errors = new List<FieldError>();
        Check(node, schema, path, errors);
        return errors;
    }

    private static void Check(JsonNode? node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (node is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true && JsonNodes.Str(schema, "type") is { } type)
            {
                errors.Add(TypeError(path, type, "null"));
            }

            return;
        }

        if (!CheckType(node, schema, path, errors))
        {
            return;
        }

        ScalarRules.Check(node, schema, path, errors);
        CheckChildren(node, schema, path, errors);
        CheckCombinators(node, schema, path, errors);
    }

    private static bool CheckType(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        var actual = TypeOf(node);
        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            if (actual is "integer" or "string")
            {
                return true;
            }

            errors.Add(new FieldError(path, "FieldValueTypeInvalid",
                $"Invalid value: \"{actual}\": {path} in body must be of type integer,string: \"{actual}\""));
            return false;
        }

        var expected = JsonNodes.Str(schema, "type");
        if (expected is null || expected == actual || (expected == "number" && actual == "integer"))
        {
            return true;
        }

        errors.Add(TypeError(path, expected, actual));
        return false;
    }

    private static void CheckChildren(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (node is JsonObject obj)
        {
            foreach (var required in (schema["required"] as JsonArray ?? []).Select(JsonNodes.Text))
            {
                if (!obj.ContainsKey(required))
                {
                    errors.Add(new FieldError(SchemaPaths.Property(path, required), "FieldValueRequired",
                        "Required value"));
                }
            }

            foreach (var (key, value) in obj)
            {
                if (JsonNodes.At(schema, "properties", key) is JsonObject child)
                {
                    Check(value, child, SchemaPaths.Property(path, key), errors);
                }
                else if (schema["additionalProperties"] is JsonObject valueSchema)
                {
                    Check(value, valueSchema, SchemaPaths.MapEntry(path, key), errors);
                }
            }
        }
        else if (node is JsonArray list && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Check(list[i], items, SchemaPaths.Item(path, i), errors);
            }
        }
    }

    private static void CheckCombinators(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        foreach (var sub in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Check(node, sub, path, errors);
        }

        if (schema["anyOf"] is JsonArray anyOf && Passing(node, anyOf, path) == 0)
        {
            errors.Add(Invalid(path, node, $"{path} in body must validate at least one schema (anyOf)"));
        }

        if (schema["oneOf"] is JsonArray oneOf && Passing(node, oneOf, path) != 1)
        {
            errors.Add(Invalid(path, node, $"{path} in body must validate one and only one schema (oneOf)"));
        }

        if (schema["not"] is JsonObject not && Validate(node, not, path).Count == 0)
        {
            errors.Add(Invalid(path, node, $"{path} in body should not validate the schema (not)"));
        }
    }

    private static int Passing(JsonNode node, JsonArray schemas, string path) =>
        schemas.OfType<JsonObject>().Count(s => Validate(node, s, path).Count == 0);

    public static string TypeOf(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => IsInteger(node) ? "integer" : "number",
        _ => "null",
    };

    public static FieldError Invalid(string path, JsonNode node, string detail) =>
        new(path, "FieldValueInvalid", $"Invalid value: {Render(node)}: {detail}");

    public static string Render(JsonNode node) => node switch
    {
        JsonObject => "\"object\"",
        JsonArray list => list.Count.ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    private static bool IsInteger(JsonNode node) =>
        node.AsValue().TryGetValue<decimal>(out var d) && decimal.Truncate(d) == d;

    private static FieldError TypeError(string path, string expected, string actual) =>
        new(path, "FieldValueTypeInvalid",
            $"Invalid value: \"{actual}\": {path} in body must be of type {expected}: \"{actual}\"");
}
