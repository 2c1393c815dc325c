using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SlackOperator.Emulators.Kubernetes.Internal.Json;

namespace SlackOperator.Emulators.Kubernetes.Internal.Tables;

/// <summary>
/// The JSONPath subset printer columns use: .a.b, [n], [*] and [?(@.key=="value")]. Results are a list because
/// wildcards and filters can match several nodes.
/// </summary>
internal static partial class SimpleJsonPath
{
    public static List<JsonNode> Evaluate(JsonNode? root, string path)
    {
        var current = root is null ? new List<JsonNode>() : [root];
        foreach (Match token in Tokens().Matches(path.Trim().TrimStart('{').TrimEnd('}')))
        {
            current = current.SelectMany(n => Step(n, token)).ToList();
        }

        return current;
    }

    private static IEnumerable<JsonNode> Step(JsonNode node, Match token)
    {
        if (token.Groups["field"].Success)
        {
            return node is JsonObject o && o[token.Groups["field"].Value] is { } child ? [child] : [];
        }

        var items = node as JsonArray ?? [];
        if (token.Groups["key"].Success)
        {
            var key = token.Groups["key"].Value.Split('.');
            var expected = token.Groups["value"].Value;
            return items.OfType<JsonNode>().Where(i => JsonNodes.Text(JsonNodes.At(i, key)) == expected);
        }

        if (token.Groups["index"].Value == "*")
        {
            return items.OfType<JsonNode>();
        }

        var index = int.Parse(token.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return index < items.Count && items[index] is { } item ? [item] : [];
    }

    [GeneratedRegex(
        @"\.(?<field>[A-Za-z0-9_\-]+)|\[\?\(@\.(?<key>[A-Za-z0-9_.\-]+)\s*==\s*[""'](?<value>[^""']*)[""']\)\]"
        + @"|\[(?<index>\*|\d+)\]")]
    private static partial Regex Tokens();
}
