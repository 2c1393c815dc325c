using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Protobuf;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>Reading request bodies and writing JSON responses.</summary>
internal static class HttpIo
{
    public const string Json = "application/json";

    public static async Task WriteAsync(HttpContext context, int status, JsonNode body, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Json;
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8, ct).ConfigureAwait(false);
    }

    public static void AddWarnings(HttpContext context, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            var escaped = warning.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("\"", "\\\"", StringComparison.Ordinal);
            context.Response.Headers.Append("Warning", $"299 - \"{escaped}\"");
        }
    }

    public static async Task<JsonNode> ReadJsonAsync(HttpContext context, CancellationToken ct)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text) ?? throw StatusFactory.BadRequest("the request body is empty");
        }
        catch (JsonException e)
        {
            throw StatusFactory.BadRequest($"couldn't get version/kind; json parse error: {e.Message}");
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpContext context, CancellationToken ct)
    {
        if (MediaType(context.Request.ContentType) == ProtobufObjects.MediaType)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
            return ProtobufObjects.Decode(buffer.ToArray());
        }

        RequireJson(context.Request.ContentType);
        return await ReadJsonAsync(context, ct).ConfigureAwait(false) as JsonObject
            ?? throw StatusFactory.BadRequest("the request body must be a JSON object");
    }

    public static void RequireJson(string? contentType)
    {
        var media = MediaType(contentType);
        if (media.Length > 0 && media != Json && media != "*/*")
        {
            throw StatusFactory.UnsupportedMediaType(media);
        }
    }

    public static string MediaType(string? contentType) =>
        (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
}
