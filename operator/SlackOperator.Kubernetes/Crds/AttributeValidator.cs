using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SlackOperator.Kubernetes.Crds;

/// <summary>
/// Checks an object against the same attributes the CRD schema is generated from (required, lengths, ranges,
/// patterns, exactly-one-of), so an offline check and the API server reject the same manifests with the same
/// field paths.
/// </summary>
public static class AttributeValidator
{
    /// <summary>Every problem under <paramref name="value"/>, whose own path is <paramref name="path"/>.</summary>
    public static IReadOnlyList<FieldProblem> Validate(object value, string path)
    {
        var problems = new List<FieldProblem>();
        ValidateObject(value, path, problems);
        return problems;
    }

    private static void ValidateObject(object value, string path, List<FieldProblem> problems)
    {
        var type = value.GetType();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0)
            .ToList();
        foreach (var property in properties)
        {
            var fieldPath = $"{path}.{SchemaBuilder.JsonName(property)}";
            var fieldValue = property.GetValue(value);
            if (fieldValue is null)
            {
                if (property.GetCustomAttribute<RequiredAttribute>() is not null)
                {
                    problems.Add(new FieldProblem(fieldPath, "Required value"));
                }

                continue;
            }

            CheckAnnotations(property, fieldValue, fieldPath, problems);
            Descend(fieldValue, fieldPath, problems);
        }

        CheckExactlyOne(type, value, properties, path, problems);
    }

    private static void Descend(object value, string path, List<FieldProblem> problems)
    {
        if (value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is DateTime)
        {
            return;
        }

        if (value is IDictionary)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                if (item is not null)
                {
                    Descend(item, $"{path}[{index}]", problems);
                }

                index++;
            }

            return;
        }

        ValidateObject(value, path, problems);
    }

    private static void CheckAnnotations(
        PropertyInfo property, object value, string path, List<FieldProblem> problems)
    {
        var length = value switch
        {
            string text => text.Length,
            ICollection collection => collection.Count,
            _ => (int?)null,
        };
        var noun = value is string ? "characters" : "items";
        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } max && length > max.Length)
        {
            problems.Add(new FieldProblem(path, $"Too long: may not be more than {max.Length} {noun}"));
        }

        if (property.GetCustomAttribute<MinLengthAttribute>() is { } min && length < min.Length)
        {
            problems.Add(new FieldProblem(path, $"Invalid value: must have at least {min.Length} {noun}"));
        }

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } pattern && value is string s
            && !Regex.IsMatch(s, pattern.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            problems.Add(new FieldProblem(path, $"Invalid value: \"{s}\": must match {pattern.Pattern}"));
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range && value is IConvertible number
            && !range.IsValid(number))
        {
            var text = Convert.ToString(number, CultureInfo.InvariantCulture);
            problems.Add(new FieldProblem(path,
                $"Invalid value: {text}: must be between {range.Minimum} and {range.Maximum}"));
        }
    }

    private static void CheckExactlyOne(
        Type type, object value, List<PropertyInfo> properties, string path, List<FieldProblem> problems)
    {
        if (type.GetCustomAttribute<ExactlyOneOfAttribute>() is not { } oneOf)
        {
            return;
        }

        var names = oneOf.Properties.Count > 0
            ? oneOf.Properties
            : properties.Select(SchemaBuilder.JsonName).ToList();
        var set = properties.Where(p => names.Contains(SchemaBuilder.JsonName(p)) && p.GetValue(value) is not null)
            .Select(SchemaBuilder.JsonName)
            .ToList();
        if (set.Count != 1)
        {
            var given = set.Count == 0 ? "none is set" : $"{string.Join(" and ", set)} are set";
            problems.Add(new FieldProblem(path,
                $"Invalid value: set exactly one of {string.Join(", ", names)}; {given}"));
        }
    }
}
