using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Json;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;
using SlackOperator.Emulators.Kubernetes.Internal.Store;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>Dispatches a resource request to list, watch, get or one of the writes.</summary>
internal sealed class ResourceHandler(ResourceRegistry registry, ObjectStore store, ListHandler reads,
    WatchHandler watches, WritePipeline writes)
{
    public async Task HandleAsync(HttpContext context, RequestInfo info, CancellationToken stop)
    {
        var type = registry.Find(info.Group, info.Version, info.Resource) ?? throw StatusFactory.PathNotFound();
        if (info.Subresource.Length > 0 && !(info.Subresource == "status" && type.HasStatus))
        {
            throw StatusFactory.PathNotFound();
        }

        var ns = type.Namespaced ? info.Namespace : "";
        var ct = context.RequestAborted;
        switch (info.Verb)
        {
            case "get":
                await reads.GetAsync(context, type, ns, info.Name, ct).ConfigureAwait(false);
                break;
            case "list":
                await reads.ListAsync(context, type, ns, ct).ConfigureAwait(false);
                break;
            case "watch":
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, stop))
                {
                    await watches.WatchAsync(context, type, ns, linked.Token).ConfigureAwait(false);
                }

                break;
            default:
                await WriteAsync(context, info, type, ns, ct).ConfigureAwait(false);
                break;
        }
    }

    private async Task WriteAsync(HttpContext context, RequestInfo info, ResourceType type, string ns,
        CancellationToken ct)
    {
        var options = new WriteOptions(context.Request.Query["fieldValidation"],
            context.Request.Query["dryRun"].Count > 0);
        var result = info.Verb switch
        {
            "create" when info.Name.Length == 0 =>
                writes.Create(type, ns, await HttpIo.ReadObjectAsync(context, ct).ConfigureAwait(false), options),
            "update" => await UpdateAsync(context, info, type, ns, options, ct).ConfigureAwait(false),
            "patch" => await PatchAsync(context, info, type, ns, options, ct).ConfigureAwait(false),
            "delete" =>
                writes.Delete(type, ns, info.Name, await DeleteOptionsAsync(context, ct).ConfigureAwait(false),
                    options.DryRun),
            "deletecollection" => await DeleteCollectionAsync(context, type, ns, options, ct).ConfigureAwait(false),
            _ => throw StatusFactory.MethodNotAllowed(context.Request.Method),
        };
        HttpIo.AddWarnings(context, result.Warnings);
        JsonNode body = info.Verb == "delete" && result.StatusCode == 200 && !type.IsCustom
            && type != BuiltInResources.Crds
            ? StatusFactory.Success(type, info.Name, JsonNodes.Str(result.Object, "metadata", "uid") ?? "")
            : result.Object;
        await HttpIo.WriteAsync(context, result.StatusCode, body, ct).ConfigureAwait(false);
    }

    private async Task<WriteResult> UpdateAsync(HttpContext context, RequestInfo info, ResourceType type, string ns,
        WriteOptions options, CancellationToken ct)
    {
        var body = await HttpIo.ReadObjectAsync(context, ct).ConfigureAwait(false);
        return writes.Update(type, ns, info.Name, info.Subresource, _ => body, options);
    }

    private async Task<WriteResult> PatchAsync(HttpContext context, RequestInfo info, ResourceType type, string ns,
        WriteOptions options, CancellationToken ct)
    {
        var media = HttpIo.MediaType(context.Request.ContentType);
        var patch = await HttpIo.ReadJsonAsync(context, ct).ConfigureAwait(false);
        var change = PatchApplier.For(type, media, patch);
        try
        {
            return writes.Update(type, ns, info.Name, info.Subresource, change, options);
        }
        catch (ApiException e) when (e.Code == 404 && media == PatchApplier.ApplyPatch && patch is JsonObject obj
            && info.Subresource.Length == 0)
        {
            // Server-side apply creates the object when it does not exist yet.
            JsonNodes.Meta(obj)["name"] ??= info.Name;
            return writes.Create(type, ns, obj, options);
        }
    }

    /// <summary>Deletes every selected object and answers with the list of what was deleted.</summary>
    private async Task<WriteResult> DeleteCollectionAsync(HttpContext context, ResourceType type, string ns,
        WriteOptions options, CancellationToken ct)
    {
        var deleteOptions = await DeleteOptionsAsync(context, ct).ConfigureAwait(false);
        var (items, _) = store.List(type.StorageKey, ListHandler.Filter(type, ns, context.Request.Query));
        var deleted = items.Select(i => (JsonNode)writes.Delete(type, JsonNodes.Namespace(i), JsonNodes.Name(i),
            deleteOptions, options.DryRun).Object).ToArray();
        var list = new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.GroupVersion,
            ["metadata"] = new JsonObject(),
            ["items"] = new JsonArray(deleted),
        };
        return new WriteResult(list, 200, []);
    }

    private static async Task<JsonObject?> DeleteOptionsAsync(HttpContext context, CancellationToken ct)
    {
        if (context.Request.ContentLength is null or 0 && !context.Request.Headers.TransferEncoding.Any())
        {
            return null;
        }

        return await HttpIo.ReadJsonAsync(context, ct).ConfigureAwait(false) as JsonObject;
    }
}
