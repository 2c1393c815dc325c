using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Json;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;
using SlackOperator.Emulators.Kubernetes.Internal.Selectors;
using SlackOperator.Emulators.Kubernetes.Internal.Store;
using SlackOperator.Emulators.Kubernetes.Internal.Tables;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>GET of one object or a collection, as JSON or as a server-side Table.</summary>
internal sealed class ListHandler(ObjectStore store, TimeProvider time)
{
    public static Func<JsonObject, bool> Filter(ResourceType type, string ns, IQueryCollection query)
    {
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], type);
        return o => (ns.Length == 0 || JsonNodes.Namespace(o) == ns) && labels.Matches(o) && fields.Matches(o);
    }

    public async Task GetAsync(HttpContext context, ResourceType type, string ns, string name, CancellationToken ct)
    {
        var obj = store.Get(type.StorageKey, type.Namespaced ? ns : "", name)
            ?? throw StatusFactory.NotFound(type, name);
        obj = EventConversion.ToServed(type, obj);
        JsonNode body = TableBuilder.IsWanted(context.Request.Headers.Accept)
            ? TableBuilder.Build(type, [obj], JsonNodes.ResourceVersion(obj), context.Request.Query["includeObject"],
                time.GetUtcNow())
            : obj;
        await HttpIo.WriteAsync(context, 200, body, ct).ConfigureAwait(false);
    }

    public async Task ListAsync(HttpContext context, ResourceType type, string ns, CancellationToken ct)
    {
        var query = context.Request.Query;
        var (stored, rv) = store.List(type.StorageKey, Filter(type, ns, query));
        CheckExactVersion(query, rv);
        var items = stored.Select(i => EventConversion.ToServed(type, i)).ToList();

        JsonNode body = TableBuilder.IsWanted(context.Request.Headers.Accept)
            ? TableBuilder.Build(type, items, rv, query["includeObject"], time.GetUtcNow())
            : new JsonObject
            {
                ["kind"] = type.ListKind,
                ["apiVersion"] = type.GroupVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture) },
                ["items"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
            };
        await HttpIo.WriteAsync(context, 200, body, ct).ConfigureAwait(false);
    }

    /// <summary>An exact-version list can only be served from history the emulator does not keep.</summary>
    private static void CheckExactVersion(IQueryCollection query, long current)
    {
        if (query["resourceVersionMatch"] == "Exact"
            && long.TryParse(query["resourceVersion"], CultureInfo.InvariantCulture, out var wanted)
            && wanted != current)
        {
            throw StatusFactory.Gone(wanted, current);
        }
    }
}
