using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlackOperator.Emulators.Slack.Logging;
using SlackOperator.Emulators.Slack.WebApi;

namespace SlackOperator.Emulators.Slack.Control;

/// <summary>Runs one control call: reads its JSON body, maps mistakes to 400, 404 and 409 answers.</summary>
internal static class ControlRequest
{
    public static async Task HandleAsync(HttpContext context, ILogger logger, Func<JsonObject, JsonNode> action)
    {
        var ct = context.RequestAborted;
        int status;
        JsonNode answer;
        try
        {
            answer = action(await ReadBodyAsync(context.Request, ct).ConfigureAwait(false));
            status = StatusCodes.Status200OK;
        }
        catch (Exception e) when (StatusFor(e) is { } mapped)
        {
            EmulatorLog.ControlRefused(logger, context.Request.Path, e.GetType().Name);
            status = mapped;
            answer = new JsonObject { ["ok"] = false, ["error"] = e.Message };
        }

        await WebApiEndpoint.WriteJsonAsync(context.Response, status, answer, ct).ConfigureAwait(false);
    }

    public static string Required(JsonObject body, string name) =>
        body[name]?.GetValue<string>() is { Length: > 0 } value
            ? value
            : throw new FormatException($"The field '{name}' is required.");

    public static string? Optional(JsonObject body, string name) => body[name]?.GetValue<string>();

    public static bool Flag(JsonObject body, string name) => body[name]?.GetValue<bool>() ?? false;

    public static int Number(JsonObject body, string name) =>
        body[name]?.GetValue<int>() ?? throw new FormatException($"The field '{name}' is required.");

    public static IEnumerable<string>? Strings(JsonObject body, string name) =>
        body[name]?.AsArray().Select(n => n!.GetValue<string>());

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is 0 || !HttpMethods.IsPost(request.Method))
        {
            return [];
        }

        var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct).ConfigureAwait(false);
        return node as JsonObject ?? throw new FormatException("The body must be a JSON object.");
    }

    private static int? StatusFor(Exception e) => e switch
    {
        KeyNotFoundException => StatusCodes.Status404NotFound,
        InvalidOperationException => StatusCodes.Status409Conflict,
        FormatException or JsonException or ArgumentException => StatusCodes.Status400BadRequest,
        _ => null,
    };
}
