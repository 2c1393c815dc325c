using YamlDotNet.RepresentationModel;

namespace SlackOperator.Manifests;

/// <summary>
/// Guards against YAML "billion laughs": an alias stands for a whole anchored node, so anchors reused inside
/// anchors make a file of a few hundred bytes stand for billions of values. The parsed graph shares those nodes;
/// only converting it copies them, so the size is measured on the graph first, each shared node counted once.
/// </summary>
internal static class AliasExpansion
{
    /// <summary>Far above any SlackBot (a few hundred values), far below what hurts a CI runner.</summary>
    public const int MaxValues = 100_000;

    /// <summary>True when <paramref name="root"/> expands to more than <see cref="MaxValues"/> values.</summary>
    public static bool IsExcessive(YamlNode root) =>
        Size(root, new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance)) > MaxValues;

    private static long Size(YamlNode node, Dictionary<YamlNode, long> known)
    {
        if (known.TryGetValue(node, out var size))
        {
            return size;
        }

        var children = node switch
        {
            YamlMappingNode mapping => mapping.Children.SelectMany(pair => new[] { pair.Key, pair.Value }),
            YamlSequenceNode sequence => sequence.Children,
            _ => [],
        };

        // Capped on the way up, so even a graph that stands for 10^30 values sums without overflow.
        size = 1;
        foreach (var child in children)
        {
            size = Math.Min(size + Size(child, known), MaxValues + 1L);
        }

        known[node] = size;
        return size;
    }
}
