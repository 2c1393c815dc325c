using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SlackOperator.Bots;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Kubernetes.Observability;

namespace SlackOperator.Hosting;

/// <summary>
/// Serves <c>POST /slack/events/{namespace}/{name}</c> on the operator's HTTP port: the request URL of a SlackBot
/// in Events API mode. The bot verifies and answers at once; the event is handled after the answer is sent.
/// </summary>
internal sealed class SlackEventsEndpoint : IEndpointMapping
{
    /// <summary>The route pattern; <see cref="Entities.BotModes.EventsPath"/> builds one path of it.</summary>
    public const string Route = "/slack/events/{namespace}/{name}";

    /// <summary>Slack's event payloads are a few KiB; anything this large is not from Slack.</summary>
    private const int MaxBodyBytes = 1 << 20;

    private readonly EventsApiRoutes _routes;
    private readonly ILogger _logger;

    public SlackEventsEndpoint(EventsApiRoutes routes, ILogger<SlackEventsEndpoint> logger)
    {
        _routes = routes;
        _logger = logger;
    }

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(Route, HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var key = new EntityKey(
            context.Request.RouteValues["namespace"] as string, (string)context.Request.RouteValues["name"]!);
        if (!_routes.TryGet(key, out var bot))
        {
            // A standby replica or a bot not (yet) running: Slack retries a request that did not succeed.
            BotLog.EventsApiNoBot(_logger, key.ToString());
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var headers = context.Request.Headers;
        var response = bot.ReceiveEvent(headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"], body);
        context.Response.StatusCode = response?.StatusCode ?? StatusCodes.Status503ServiceUnavailable;
        if (response?.Body is { } text)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(text, context.RequestAborted);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
