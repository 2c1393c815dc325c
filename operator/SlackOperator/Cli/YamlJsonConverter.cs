using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SlackOperator.Cli;

/// <summary>
/// Turns a YAML node into the JSON the API server would receive, resolving plain scalars by the YAML 1.2 core
/// schema: <c>true</c>/<c>false</c>, <c>null</c>/<c>~</c>/empty, integers (decimal, <c>0x</c>, <c>0o</c>) and
/// floats are typed; quoted scalars and everything else stay strings; an explicit tag (<c>!!str</c>,
/// <c>!!int</c>...) wins over the plain-scalar rules.
/// </summary>
internal static partial class YamlJsonConverter
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    /// <summary>The JSON for <paramref name="node"/>; throws <see cref="YamlException"/> for what JSON cannot hold.
    /// </summary>
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new YamlException(node.Start, node.End, $"unsupported YAML node {node.NodeType}"),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new YamlException(key.Start, key.End, "a mapping key must be a plain value, not a list or map");
            }

            if (result.ContainsKey(name))
            {
                throw new YamlException(key.Start, key.End, $"duplicate key \"{name}\"");
            }

            result[name] = Convert(value);
        }

        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is not null && tag != "!")
        {
            return ByTag(scalar, tag, text);
        }

        return scalar.Style is ScalarStyle.Plain && tag is null ? Resolve(scalar, text) : JsonValue.Create(text);
    }

    private static JsonNode? ByTag(YamlScalarNode scalar, string tag, string text) => tag switch
    {
        TagPrefix + "str" => JsonValue.Create(text),
        TagPrefix + "null" => null,
        TagPrefix + "bool" => IsTrue(text) ? JsonValue.Create(true)
            : IsFalse(text) ? JsonValue.Create(false)
            : throw new YamlException(scalar.Start, scalar.End, $"\"{text}\" is not a !!bool"),
        TagPrefix + "int" => Integer(text) ?? throw new YamlException(scalar.Start, scalar.End,
            $"\"{text}\" is not an !!int"),
        TagPrefix + "float" => Float(scalar, text) ?? throw new YamlException(scalar.Start, scalar.End,
            $"\"{text}\" is not a !!float"),
        _ => throw new YamlException(scalar.Start, scalar.End, $"unsupported tag {tag}"),
    };

    private static JsonNode? Resolve(YamlScalarNode scalar, string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (IsTrue(text) || IsFalse(text))
        {
            return JsonValue.Create(IsTrue(text));
        }

        return Integer(text) ?? Float(scalar, text) ?? JsonValue.Create(text);
    }

    private static bool IsTrue(string text) => text is "true" or "True" or "TRUE";

    private static bool IsFalse(string text) => text is "false" or "False" or "FALSE";

    private static JsonNode? Integer(string text)
    {
        if (DecimalInteger().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                ? JsonValue.Create(l)
                : JsonValue.Create(decimal.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && HexDigits().IsMatch(text[2..]))
        {
            return JsonValue.Create(System.Convert.ToInt64(text[2..], 16));
        }

        return text.StartsWith("0o", StringComparison.Ordinal) && OctalDigits().IsMatch(text[2..])
            ? JsonValue.Create(System.Convert.ToInt64(text[2..], 8))
            : null;
    }

    private static JsonNode? Float(YamlScalarNode scalar, string text)
    {
        if (InfinityOrNaN().IsMatch(text))
        {
            throw new YamlException(scalar.Start, scalar.End, $"{text} cannot be represented in JSON");
        }

        return FloatNumber().IsMatch(text)
            ? JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^[0-9a-fA-F]{1,15}$")]
    private static partial Regex HexDigits();

    [GeneratedRegex("^[0-7]{1,20}$")]
    private static partial Regex OctalDigits();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatNumber();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN)$")]
    private static partial Regex InfinityOrNaN();
}
