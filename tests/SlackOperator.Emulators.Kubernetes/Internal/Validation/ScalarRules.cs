using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SlackOperator.Emulators.Kubernetes.Internal.Json;

namespace SlackOperator.Emulators.Kubernetes.Internal.Validation;

/// <summary>The value-level keywords: enum, bounds, lengths, pattern and item counts.</summary>
internal static class ScalarRules
{
    public static void Check(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        CheckEnum(node, schema, path, errors);
        if (node is JsonValue value && value.TryGetValue<decimal>(out var number))
        {
            CheckNumber(node, number, schema, path, errors);
        }
        else if (node is JsonValue text && text.TryGetValue<string>(out var s))
        {
            CheckString(node, s, schema, path, errors);
        }
        else if (node is JsonArray list)
        {
            CheckArray(list, schema, path, errors);
        }
    }

    private static void CheckEnum(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["enum"] is not JsonArray allowed || allowed.Any(a => JsonNodes.Equal(a, node)))
        {
            return;
        }

        var list = string.Join(", ", allowed.Select(a => a?.ToJsonString()));
        errors.Add(new FieldError(path, "FieldValueNotSupported",
            $"Unsupported value: {node.ToJsonString()}: supported values: {list}"));
    }

    private static void CheckNumber(JsonNode node, decimal number, JsonObject schema, string path,
        List<FieldError> errors)
    {
        if (Limit(schema, "minimum") is { } min && number < min)
        {
            errors.Add(SchemaValidator.Invalid(path, node,
                $"{path} in body should be greater than or equal to {min}"));
        }

        if (Limit(schema, "maximum") is { } max && number > max)
        {
            errors.Add(SchemaValidator.Invalid(path, node, $"{path} in body should be less than or equal to {max}"));
        }
    }

    private static void CheckString(JsonNode node, string text, JsonObject schema, string path,
        List<FieldError> errors)
    {
        if (Limit(schema, "minLength") is { } min && text.Length < min)
        {
            errors.Add(SchemaValidator.Invalid(path, node, $"{path} in body should be at least {min} chars long"));
        }

        if (Limit(schema, "maxLength") is { } max && text.Length > max)
        {
            errors.Add(new FieldError(path, "FieldValueTooLong", $"Too long: may not be more than {max} bytes"));
        }

        if (JsonNodes.Str(schema, "pattern") is { } pattern && !Regex.IsMatch(text, pattern))
        {
            errors.Add(SchemaValidator.Invalid(path, node, $"{path} in body should match '{pattern}'"));
        }
    }

    private static void CheckArray(JsonArray list, JsonObject schema, string path, List<FieldError> errors)
    {
        if (Limit(schema, "minItems") is { } min && list.Count < min)
        {
            errors.Add(SchemaValidator.Invalid(path, list, $"{path} in body should have at least {min} items"));
        }

        if (Limit(schema, "maxItems") is { } max && list.Count > max)
        {
            errors.Add(new FieldError(path, "FieldValueTooMany",
                $"Too many: {list.Count.ToString(CultureInfo.InvariantCulture)}: must have at most {max} items"));
        }
    }

    private static decimal? Limit(JsonObject schema, string key) =>
        schema[key] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;
}
