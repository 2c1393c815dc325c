using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

/// <summary>An HTTP answer from the emulator with its JSON body parsed.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers, string Text)
{
    public int Code => (int)Status;

    public JsonObject Object => Body as JsonObject ?? throw new InvalidOperationException($"not an object: {Text}");

    public string? Str(params string[] path)
    {
        JsonNode? node = Body;
        foreach (var key in path)
        {
            node = node is JsonObject o ? o[key] : node is JsonArray a && int.TryParse(key, out var i) ? a[i] : null;
        }

        return node?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? node.GetValue<string>()
            : node?.ToJsonString();
    }

    public override string ToString() => $"{Code} {Text}";
}
