using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Json;

namespace SlackOperator.Emulators.Kubernetes.Internal.Patching;

/// <summary>
/// Strategic merge patch for built-in types: merge patch plus merge-by-key for the lists that declare a patch
/// merge key, union for merge-strategy primitive lists, and the $patch, $retainKeys, $deleteFromPrimitiveList and
/// $setElementOrder directives (the last is ordering only, so it is dropped).
/// </summary>
internal static class StrategicMergePatch
{
    private static readonly Dictionary<string, string> MergeKeys = new()
    {
        ["conditions"] = "type",
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["ports"] = "containerPort",
        ["imagePullSecrets"] = "name",
        ["ownerReferences"] = "uid",
    };

    private static readonly HashSet<string> PrimitiveMergeLists = ["finalizers"];

    public static JsonObject Apply(JsonObject target, JsonObject patch) => MergeObject(target, patch);

    private static JsonObject MergeObject(JsonObject target, JsonObject patch)
    {
        if (JsonNodes.Str(patch, "$patch") == "replace")
        {
            var replacement = (JsonObject)patch.DeepClone();
            replacement.Remove("$patch");
            return replacement;
        }

        foreach (var (key, value) in patch)
        {
            ApplyKey(target, key, value);
        }

        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(JsonNodes.Text).ToHashSet();
            foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }

        return target;
    }

    private static void ApplyKey(JsonObject target, string key, JsonNode? value)
    {
        if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
        {
            var field = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
            var drop = (value as JsonArray ?? []).Select(JsonNodes.Text).ToHashSet();
            if (target[field] is JsonArray list)
            {
                target[field] = new JsonArray(list.Where(n => !drop.Contains(JsonNodes.Text(n)))
                    .Select(n => n?.DeepClone()).ToArray());
            }

            return;
        }

        if (key.StartsWith('$'))
        {
            return;
        }

        target.TryGetPropertyValue(key, out var existing);
        target[key] = MergeValue(key, existing, value);
        if (value is null || (value is JsonObject o && JsonNodes.Str(o, "$patch") == "delete"))
        {
            target.Remove(key);
        }
    }

    private static JsonNode? MergeValue(string key, JsonNode? existing, JsonNode? value) => value switch
    {
        null => null,
        JsonObject patchObject when existing is JsonObject targetObject =>
            MergeObject((JsonObject)targetObject.DeepClone(), patchObject),
        JsonObject patchObject => MergeObject([], patchObject),
        JsonArray patchList when MergeKeys.TryGetValue(key, out var mergeKey) =>
            MergeKeyedList(existing as JsonArray ?? [], patchList, mergeKey),
        JsonArray patchList when PrimitiveMergeLists.Contains(key) => Union(existing as JsonArray ?? [], patchList),
        _ => value.DeepClone(),
    };

    private static JsonArray MergeKeyedList(JsonArray existing, JsonArray patch, string mergeKey)
    {
        var items = existing.Select(n => n?.DeepClone()).ToList();
        foreach (var element in patch.OfType<JsonObject>())
        {
            var keyValue = JsonNodes.Text(element[mergeKey]);
            var index = items.FindIndex(n => JsonNodes.Text(JsonNodes.At(n, mergeKey)) == keyValue);
            if (JsonNodes.Str(element, "$patch") == "delete")
            {
                if (index >= 0)
                {
                    items.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                items[index] = MergeObject((JsonObject)items[index]!, element);
            }
            else
            {
                items.Add(MergeObject([], element));
            }
        }

        return new JsonArray([.. items]);
    }

    private static JsonArray Union(JsonArray existing, JsonArray patch)
    {
        var items = existing.Select(n => n?.DeepClone()).ToList();
        foreach (var element in patch.Where(p => items.All(i => JsonNodes.Text(i) != JsonNodes.Text(p))))
        {
            items.Add(element?.DeepClone());
        }

        return new JsonArray([.. items]);
    }
}
