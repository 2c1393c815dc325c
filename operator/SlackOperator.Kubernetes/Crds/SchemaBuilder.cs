using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace SlackOperator.Kubernetes.Crds;

/// <summary>Builds an OpenAPI v3 structural schema from C# types, reading data annotations and descriptions.</summary>
internal static class SchemaBuilder
{
    public static V1JSONSchemaProps ForType(Type type, string? description = null)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var schema = Primitive(underlying) ?? Collection(underlying) ?? ForObject(underlying);
        schema.Description = description ?? underlying.GetCustomAttribute<DescriptionAttribute>()?.Description;
        return schema;
    }

    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static V1JSONSchemaProps? Primitive(Type type) => type switch
    {
        _ when type == typeof(string) => new V1JSONSchemaProps { Type = "string" },
        _ when type == typeof(bool) => new V1JSONSchemaProps { Type = "boolean" },
        _ when type == typeof(int) => new V1JSONSchemaProps { Type = "integer", Format = "int32" },
        _ when type == typeof(long) => new V1JSONSchemaProps { Type = "integer", Format = "int64" },
        _ when type == typeof(double) => new V1JSONSchemaProps { Type = "number" },
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) =>
            new V1JSONSchemaProps { Type = "string", Format = "date-time" },
        { IsEnum: true } => new V1JSONSchemaProps
        {
            Type = "string",
            EnumProperty = Enum.GetNames(type).Select(n => (object)n).ToList(),
        },
        _ => null,
    };

    private static V1JSONSchemaProps? Collection(Type type)
    {
        var dictionary = FindGeneric(type, typeof(IDictionary<,>));
        if (dictionary is not null)
        {
            return new V1JSONSchemaProps
            {
                Type = "object",
                AdditionalProperties = ForType(dictionary.GetGenericArguments()[1]),
            };
        }

        var element = type.IsArray
            ? type.GetElementType()
            : FindGeneric(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is null || !typeof(IEnumerable).IsAssignableFrom(type)
            ? null
            : new V1JSONSchemaProps { Type = "array", Items = ForType(element) };
    }

    public static V1JSONSchemaProps ForObject(Type type)
    {
        return ForProperties(type, type.GetProperties(BindingFlags.Public | BindingFlags.Instance));
    }

    /// <summary>An object schema made of the given properties only.</summary>
    public static V1JSONSchemaProps ForProperties(Type type, IEnumerable<PropertyInfo> members)
    {
        var properties = new Dictionary<string, V1JSONSchemaProps>();
        var required = new List<string>();
        foreach (var property in members)
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var name = JsonName(property);
            var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
            var schema = ForType(property.PropertyType, description);
            ApplyAnnotations(property, schema);
            properties[name] = schema;
            if (property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                required.Add(name);
            }
        }

        var result = new V1JSONSchemaProps { Type = "object", Properties = properties };
        result.Required = required.Count > 0 ? required : null;
        if (type.GetCustomAttribute<ExactlyOneOfAttribute>() is { } oneOf)
        {
            IEnumerable<string> alternatives = oneOf.Properties.Count > 0 ? oneOf.Properties : properties.Keys;
            result.OneOf = alternatives.Select(k => new V1JSONSchemaProps { Required = [k] }).ToList();
        }

        return result;
    }

    private static void ApplyAnnotations(PropertyInfo property, V1JSONSchemaProps schema)
    {
        var isArray = schema.Type == "array";
        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } max)
        {
            _ = isArray ? schema.MaxItems = max.Length : schema.MaxLength = max.Length;
        }

        if (property.GetCustomAttribute<MinLengthAttribute>() is { } min)
        {
            _ = isArray ? schema.MinItems = min.Length : schema.MinLength = min.Length;
        }

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } pattern)
        {
            schema.Pattern = pattern.Pattern;
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            schema.Minimum = Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture);
            schema.Maximum = Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (property.GetCustomAttribute<DefaultValueAttribute>() is { Value: { } value })
        {
            schema.DefaultProperty = value;
        }
    }

    private static Type? FindGeneric(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
}
