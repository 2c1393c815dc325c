using System.Text;
using Microsoft.AspNetCore.Http;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.OpenApi;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>Version, discovery, OpenAPI and health endpoints.</summary>
internal sealed class NonResourceHandler(ResourceRegistry registry)
{
    public async Task HandleAsync(HttpContext context, CancellationToken ct)
    {
        if (context.Request.Method != "GET")
        {
            throw StatusFactory.MethodNotAllowed(context.Request.Method);
        }

        var path = (context.Request.Path.Value ?? "/").TrimEnd('/');
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var types = registry.All;
        var body = parts switch
        {
            ["version"] => DiscoveryDocuments.Version(),
            ["api"] => DiscoveryDocuments.CoreVersions($"{context.Request.Host}"),
            ["api", "v1"] => DiscoveryDocuments.ResourceList("v1", types.Where(t => t.Group.Length == 0)),
            ["apis"] => DiscoveryDocuments.GroupList(types),
            ["apis", var g] when types.Any(t => t.Group == g) => Group(g, types),
            ["apis", var g, var v] when registry.HasGroupVersion(g, v) =>
                DiscoveryDocuments.ResourceList($"{g}/{v}", types.Where(t => t.Group == g && t.Version == v)),
            ["openapi", "v3"] => OpenApiDocuments.Root(types),
            ["openapi", "v3", "api", var v] when registry.HasGroupVersion("", v) =>
                OpenApiDocuments.GroupVersion(types.Where(t => t.Group.Length == 0 && t.Version == v).ToList()),
            ["openapi", "v3", "apis", var g, var v] when registry.HasGroupVersion(g, v) =>
                OpenApiDocuments.GroupVersion(types.Where(t => t.Group == g && t.Version == v).ToList()),
            ["healthz" or "livez" or "readyz"] => null,
            _ => throw StatusFactory.PathNotFound(),
        };
        if (body is null)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("ok", Encoding.UTF8, ct).ConfigureAwait(false);
            return;
        }

        await HttpIo.WriteAsync(context, 200, body, ct).ConfigureAwait(false);
    }

    private static System.Text.Json.Nodes.JsonObject Group(string group, IReadOnlyList<ResourceType> types)
    {
        var document = DiscoveryDocuments.Group(group, types.Where(t => t.Group == group)
            .Select(t => t.Version).Distinct().ToList());
        document["kind"] = "APIGroup";
        document["apiVersion"] = "v1";
        return document;
    }
}
