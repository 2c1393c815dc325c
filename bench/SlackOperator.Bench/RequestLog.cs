using System.Text.Json.Nodes;

namespace SlackOperator.Bench;

/// <summary>
/// A snapshot of the Kubernetes emulator's request log. Entries are appended in order, so the requests made
/// between two snapshots are the entries between their counts (as long as the emulator's cap was not reached).
/// </summary>
internal sealed class RequestLog(JsonArray entries)
{
    /// <summary>The emulator drops the oldest entries beyond this many.</summary>
    public const int EmulatorCap = 50_000;

    public int Count => entries.Count;

    public bool Overflowed => entries.Count >= EmulatorCap;

    public static string Key(string verb, string resource, string subresource) =>
        subresource.Length == 0 ? $"{verb} {resource}" : $"{verb} {resource}/{subresource}";

    public static bool IsWrite(string key) =>
        key.StartsWith("create ", StringComparison.Ordinal) || key.StartsWith("update ", StringComparison.Ordinal)
        || key.StartsWith("patch ", StringComparison.Ordinal) || key.StartsWith("delete", StringComparison.Ordinal);

    /// <summary>Requests per key from entry <paramref name="from"/> to the end of this snapshot.</summary>
    public Dictionary<string, int> CountsSince(int from)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = Math.Max(0, from); i < entries.Count; i++)
        {
            var entry = entries[i];
            var resource = entry?["resource"]?.GetValue<string>() is { Length: > 0 } r ? r : "(non-resource)";
            var key = Key(entry?["verb"]?.GetValue<string>() ?? "?", resource,
                entry?["subresource"]?.GetValue<string>() ?? "");
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>Removes the benchmark's own requests (sent between the two snapshots) from the counts.</summary>
    public static Dictionary<string, int> Subtract(Dictionary<string, int> counts,
        IReadOnlyDictionary<string, int> ownAfter, IReadOnlyDictionary<string, int> ownBefore)
    {
        var result = new Dictionary<string, int>(counts, StringComparer.Ordinal);
        foreach (var (key, after) in ownAfter)
        {
            var own = after - ownBefore.GetValueOrDefault(key);
            if (own > 0 && result.TryGetValue(key, out var n))
            {
                result[key] = Math.Max(0, n - own);
            }
        }

        foreach (var key in result.Where(p => p.Value == 0).Select(p => p.Key).ToList())
        {
            result.Remove(key);
        }

        return result;
    }
}
