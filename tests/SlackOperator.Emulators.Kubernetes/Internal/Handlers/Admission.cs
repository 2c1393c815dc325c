using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Json;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>What the real API server's registry strategies do to an object before it is stored.</summary>
internal sealed class Admission(TimeProvider time)
{
    private static readonly string[] ServerOwnedMetadata =
        ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"];

    public string Now => JsonNodes.Timestamp(time.GetUtcNow());

    public JsonObject PrepareCreate(ResourceType type, JsonObject obj, string ns, string name)
    {
        obj["apiVersion"] = type.GroupVersion;
        obj["kind"] = type.Kind;
        var meta = JsonNodes.Meta(obj);
        foreach (var key in ServerOwnedMetadata.Append("resourceVersion"))
        {
            meta.Remove(key);
        }

        meta["name"] = name;
        if (type.Namespaced)
        {
            meta["namespace"] = ns;
        }
        else
        {
            meta.Remove("namespace");
        }

        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Now;
        if (type.HasGeneration)
        {
            meta["generation"] = 1L;
        }

        if (type.HasStatus && type.IsCustom)
        {
            obj.Remove("status");
        }

        ApplyKindRules(type, obj, null);
        return obj;
    }

    public JsonObject PrepareUpdate(ResourceType type, JsonObject current, JsonObject desired, string subresource)
    {
        if (subresource == "status")
        {
            var result = JsonNodes.CloneObject(current);
            result["status"] = desired["status"]?.DeepClone();
            JsonNodes.Meta(result)["resourceVersion"] = JsonNodes.Str(desired, "metadata", "resourceVersion");
            return result;
        }

        desired["apiVersion"] = type.GroupVersion;
        desired["kind"] = type.Kind;
        var meta = JsonNodes.Meta(desired);
        var currentMeta = JsonNodes.Meta(current);
        foreach (var key in ServerOwnedMetadata.Append("name").Append("namespace"))
        {
            meta[key] = currentMeta[key]?.DeepClone();
            if (meta[key] is null)
            {
                meta.Remove(key);
            }
        }

        if (type.HasStatus)
        {
            desired["status"] = current["status"]?.DeepClone();
            if (desired["status"] is null)
            {
                desired.Remove("status");
            }
        }

        ApplyKindRules(type, desired, current);
        return desired;
    }

    private void ApplyKindRules(ResourceType type, JsonObject obj, JsonObject? current)
    {
        switch (type.TypeKey)
        {
            case "/secrets":
                SecretRules.Apply(obj);
                break;
            case "/namespaces":
                NamespaceRules(obj);
                break;
            case "apiextensions.k8s.io/customresourcedefinitions":
                CheckCrdName(type, obj);
                var since = JsonNodes.Str(current, "metadata", "creationTimestamp") ?? Now;
                CrdTranslator.SetEstablishedStatus(obj, since);
                break;
        }
    }

    /// <summary>Called after defaulting, so that a default filled in again is not a spec change.</summary>
    public static void BumpGeneration(ResourceType type, JsonObject current, JsonObject desired, string subresource)
    {
        if (!type.HasGeneration || subresource == "status")
        {
            return;
        }

        var generation = JsonNodes.Int64(JsonNodes.At(current, "metadata", "generation")) ?? 1;
        var changed = !JsonNodes.Equal(Content(current, type), Content(desired, type));
        JsonNodes.Meta(desired)["generation"] = changed ? generation + 1 : generation;
    }

    /// <summary>The part whose change is a spec change: all but metadata and (if split off) status.</summary>
    private static JsonObject Content(JsonObject obj, ResourceType type)
    {
        var copy = JsonNodes.CloneObject(obj);
        copy.Remove("metadata");
        if (type.HasStatus)
        {
            copy.Remove("status");
        }

        return copy;
    }

    private static void NamespaceRules(JsonObject obj)
    {
        JsonNodes.Child(JsonNodes.Meta(obj), "labels")["kubernetes.io/metadata.name"] = JsonNodes.Name(obj);
        JsonNodes.Child(obj, "spec")["finalizers"] ??= new JsonArray("kubernetes");
        JsonNodes.Child(obj, "status")["phase"] ??= "Active";
    }

    private static void CheckCrdName(ResourceType type, JsonObject crd)
    {
        var expected = $"{JsonNodes.Str(crd, "spec", "names", "plural")}.{JsonNodes.Str(crd, "spec", "group")}";
        if (JsonNodes.Name(crd) != expected)
        {
            throw StatusFactory.Invalid(type, JsonNodes.Name(crd),
                [("metadata.name", "FieldValueInvalid",
                    $"Invalid value: \"{JsonNodes.Name(crd)}\": must be spec.names.plural+\".\"+spec.group")]);
        }
    }
}
