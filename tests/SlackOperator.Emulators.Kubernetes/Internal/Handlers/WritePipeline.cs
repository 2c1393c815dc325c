using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Json;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;
using SlackOperator.Emulators.Kubernetes.Internal.Store;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>Create, update and delete with the real server's preconditions, strategies and side effects.</summary>
internal sealed class WritePipeline(ObjectStore store, ResourceRegistry registry, Admission admission,
    KubeApiFaults faults)
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public WriteResult Create(ResourceType type, string ns, JsonObject body, WriteOptions options)
    {
        CheckKind(type, body);
        var name = NameFor(type, body);
        CheckNamespace(type, ns, body);
        var obj = admission.PrepareCreate(type, EventConversion.ToStored(type, body), ns, name);
        var warnings = CustomResourceRules.Apply(type, obj, options.FieldValidation);
        var stored = store.Write(type.StorageKey, ns, name, current =>
            current is null ? WriteDecision.Put(obj) : throw StatusFactory.AlreadyExists(type, name), options.DryRun);
        AfterWrite(type, stored, deleted: false, options.DryRun);
        return new WriteResult(EventConversion.ToServed(type, stored), 201, warnings);
    }

    public WriteResult Update(ResourceType type, string ns, string name, string subresource,
        Func<JsonObject, JsonObject> change, WriteOptions options)
    {
        if (faults.TakeConflict(type.Plural))
        {
            throw StatusFactory.Conflict(type, name);
        }

        IReadOnlyList<string> warnings = [];
        var stored = store.Write(type.StorageKey, ns, name, current =>
        {
            var existing = current ?? throw StatusFactory.NotFound(type, name);
            var served = EventConversion.ToServed(type, JsonNodes.CloneObject(existing));
            var desired = EventConversion.ToStored(type, change(served));
            CheckPrecondition(type, existing, desired, name);
            var result = admission.PrepareUpdate(type, existing, desired, subresource);
            warnings = CustomResourceRules.Apply(type, result, options.FieldValidation);
            Admission.BumpGeneration(type, existing, result, subresource);
            return FinalizersDone(result) ? WriteDecision.Remove(result) : WriteDecision.Put(result);
        }, options.DryRun);
        var deleted = store.Get(type.StorageKey, ns, name) is null;
        AfterWrite(type, stored, deleted, options.DryRun);
        return new WriteResult(EventConversion.ToServed(type, stored), 200, warnings);
    }

    public WriteResult Delete(ResourceType type, string ns, string name, JsonObject? deleteOptions, bool dryRun)
    {
        var stored = store.Write(type.StorageKey, ns, name, current =>
        {
            var existing = current ?? throw StatusFactory.NotFound(type, name);
            CheckDeletePreconditions(type, existing, deleteOptions);
            if ((existing["metadata"]?["finalizers"] as JsonArray)?.Count > 0)
            {
                JsonNodes.Meta(existing)["deletionTimestamp"] ??= admission.Now;
                JsonNodes.Meta(existing)["deletionGracePeriodSeconds"] ??= 0;
                return WriteDecision.Put(existing);
            }

            return WriteDecision.Remove(existing);
        }, dryRun);
        var deleted = dryRun || store.Get(type.StorageKey, ns, name) is null;
        AfterWrite(type, stored, deleted, dryRun);
        return new WriteResult(EventConversion.ToServed(type, stored), deleted ? 200 : 202, []);
    }

    private void AfterWrite(ResourceType type, JsonObject obj, bool deleted, bool dryRun)
    {
        if (dryRun)
        {
            return;
        }

        if (type == BuiltInResources.Crds)
        {
            if (deleted)
            {
                registry.RemoveCrd(JsonNodes.Name(obj));
                store.Clear($"{JsonNodes.Str(obj, "spec", "group")}/{JsonNodes.Str(obj, "spec", "names", "plural")}");
            }
            else
            {
                registry.SetCrd(JsonNodes.Name(obj), CrdTranslator.Translate(obj));
            }
        }
        else if (type == BuiltInResources.Namespaces && deleted)
        {
            foreach (var namespaced in registry.All.Where(t => t.Namespaced))
            {
                store.ClearNamespace(namespaced.StorageKey, JsonNodes.Name(obj));
            }
        }
    }

    private static bool FinalizersDone(JsonObject obj) =>
        JsonNodes.At(obj, "metadata", "deletionTimestamp") is not null
        && !((obj["metadata"]?["finalizers"] as JsonArray)?.Count > 0);

    private static void CheckPrecondition(ResourceType type, JsonObject existing, JsonObject desired, string name)
    {
        var wanted = JsonNodes.Str(desired, "metadata", "resourceVersion");
        if (!string.IsNullOrEmpty(wanted) && wanted != JsonNodes.Str(existing, "metadata", "resourceVersion"))
        {
            throw StatusFactory.Conflict(type, name);
        }

        var bodyName = JsonNodes.Name(desired);
        if (bodyName.Length > 0 && bodyName != name)
        {
            throw StatusFactory.BadRequest(
                $"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }
    }

    private static void CheckDeletePreconditions(ResourceType type, JsonObject existing, JsonObject? options)
    {
        var uid = JsonNodes.Str(options, "preconditions", "uid");
        var rv = JsonNodes.Str(options, "preconditions", "resourceVersion");
        if ((uid is not null && uid != JsonNodes.Str(existing, "metadata", "uid"))
            || (rv is not null && rv != JsonNodes.Str(existing, "metadata", "resourceVersion")))
        {
            throw StatusFactory.Conflict(type, JsonNodes.Name(existing));
        }
    }

    private static void CheckKind(ResourceType type, JsonObject body)
    {
        var kind = JsonNodes.Str(body, "kind");
        if (kind is not null && kind != type.Kind)
        {
            throw StatusFactory.BadRequest($"the API version in the data ({JsonNodes.Str(body, "apiVersion")}) "
                + $"does not match the expected API version ({type.GroupVersion}) or kind {kind} is not {type.Kind}");
        }
    }

    private void CheckNamespace(ResourceType type, string ns, JsonObject body)
    {
        if (!type.Namespaced)
        {
            return;
        }

        var bodyNs = JsonNodes.Namespace(body);
        if (bodyNs.Length > 0 && bodyNs != ns)
        {
            throw StatusFactory.BadRequest(
                "the namespace of the provided object does not match the namespace sent on the request");
        }

        if (store.Get(BuiltInResources.Namespaces.StorageKey, "", ns) is null)
        {
            throw StatusFactory.NamespaceNotFound(ns);
        }
    }

    private static string NameFor(ResourceType type, JsonObject body)
    {
        var name = JsonNodes.Name(body);
        if (name.Length > 0)
        {
            return name;
        }

        var prefix = JsonNodes.Str(body, "metadata", "generateName");
        if (string.IsNullOrEmpty(prefix))
        {
            throw StatusFactory.Invalid(type, "",
                [("metadata.name", "FieldValueRequired", "Required value: name or generateName is required")]);
        }

        var suffix = string.Concat(Enumerable.Range(0, 5).Select(_ => NameAlphabet[Random.Shared.Next(27)]));
        return prefix + suffix;
    }
}
