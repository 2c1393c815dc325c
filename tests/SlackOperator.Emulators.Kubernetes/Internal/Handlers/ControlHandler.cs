using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SlackOperator.Emulators.Kubernetes.Internal.Api;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>The /_emulator control API for scripts: health, faults, recorded requests and restart.</summary>
internal sealed class ControlHandler(KubeApiFaults faults, Func<IReadOnlyList<RecordedRequest>> requests,
    Action restart)
{
    public async Task HandleAsync(HttpContext context, CancellationToken ct)
    {
        var query = context.Request.Query;
        var action = (context.Request.Path.Value ?? "").TrimEnd('/')["/_emulator".Length..];
        var isPost = context.Request.Method == "POST";
        JsonNode body = (action, isPost) switch
        {
            ("/healthz", false) => new JsonObject { ["status"] = "ok" },
            ("/requests", false) => new JsonArray(requests().Select(r => (JsonNode)Describe(r)).ToArray()),
            ("/faults/drop-watches", true) => Done(faults.DropWatches),
            ("/faults/expire-next-watch", true) => Done(faults.ExpireNextWatch),
            ("/faults/conflict-next-writes", true) =>
                Done(() => faults.ConflictNextWrites(Int(query, "count", 1), query["resource"])),
            ("/faults/fail-next-requests", true) => Done(() => faults.FailNextRequests(
                Int(query, "count", 1), Int(query, "status", 500), Int(query, "retryAfter", 1))),
            ("/faults/reset", true) => Done(faults.Reset),
            ("/restart", true) => Done(restart),
            _ => throw StatusFactory.PathNotFound(),
        };
        await HttpIo.WriteAsync(context, 200, body, ct).ConfigureAwait(false);
    }

    private static JsonObject Done(Action action)
    {
        action();
        return new JsonObject { ["status"] = "ok" };
    }

    private static int Int(IQueryCollection query, string key, int fallback) =>
        int.TryParse(query[key], CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static JsonObject Describe(RecordedRequest r) => new()
    {
        ["verb"] = r.Verb,
        ["group"] = r.Group,
        ["version"] = r.Version,
        ["resource"] = r.Resource,
        ["subresource"] = r.Subresource,
        ["namespace"] = r.Namespace,
        ["name"] = r.Name,
        ["code"] = r.StatusCode,
        ["path"] = r.Path,
    };
}
