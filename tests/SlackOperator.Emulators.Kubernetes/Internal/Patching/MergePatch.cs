using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Patching;

/// <summary>JSON merge patch (RFC 7386).</summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            result.TryGetPropertyValue(key, out var existing);
            var merged = Apply(existing?.DeepClone(), value);
            result[key] = merged;
        }

        return result;
    }
}
