using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Json;

namespace SlackOperator.Emulators.Kubernetes.Internal.Selectors;

/// <summary>A parsed labelSelector query: =, ==, !=, in, notin, exists and !exists.</summary>
internal sealed partial class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    private LabelSelector()
    {
    }

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        foreach (var part in SplitTopLevel(text ?? ""))
        {
            selector._requirements.Add(ParseRequirement(part));
        }

        return selector;
    }

    public bool Matches(JsonObject obj)
    {
        var labels = (JsonNodes.At(obj, "metadata", "labels") as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => JsonNodes.Text(p.Value));
        return _requirements.All(r => r(labels));
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string part)
    {
        var set = SetPattern().Match(part);
        if (set.Success)
        {
            var key = set.Groups[1].Value;
            var values = set.Groups[3].Value.Split(',').Select(v => v.Trim()).ToHashSet();
            return set.Groups[2].Value == "in"
                ? l => l.TryGetValue(key, out var v) && values.Contains(v)
                : l => !l.TryGetValue(key, out var v) || !values.Contains(v);
        }

        if (part.StartsWith('!'))
        {
            var key = part[1..].Trim();
            return l => !l.ContainsKey(key);
        }

        var notEqual = part.IndexOf("!=", StringComparison.Ordinal);
        if (notEqual > 0)
        {
            var (key, value) = (part[..notEqual].Trim(), part[(notEqual + 2)..].Trim());
            return l => !l.TryGetValue(key, out var v) || v != value;
        }

        var equal = part.IndexOf('=', StringComparison.Ordinal);
        if (equal > 0)
        {
            var key = part[..equal].Trim();
            var value = part[(equal + 1)..].TrimStart('=').Trim();
            return l => l.TryGetValue(key, out var v) && v == value;
        }

        if (part.Contains(' ', StringComparison.Ordinal) || part.Contains('(', StringComparison.Ordinal))
        {
            throw StatusFactory.BadRequest($"unable to parse requirement: {part}");
        }

        return l => l.ContainsKey(part);
    }

    /// <summary>Splits on commas that are not inside the parentheses of an in/notin set.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                var part = text[start..i].Trim();
                if (part.Length > 0)
                {
                    yield return part;
                }

                start = i + 1;
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')')
            {
                depth--;
            }
        }
    }

    [GeneratedRegex(@"^(\S+)\s+(in|notin)\s*\((.*)\)$")]
    private static partial Regex SetPattern();
}
