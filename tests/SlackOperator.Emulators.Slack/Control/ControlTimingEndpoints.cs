using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SlackOperator.Emulators.Slack.SocketMode;

namespace SlackOperator.Emulators.Slack.Control;

/// <summary>
/// <c>GET /_emulator/ack-latency</c> (count and percentiles of envelope send-to-ack times) and
/// <c>POST /_emulator/ack-latency/reset</c>, which the benchmark calls before its traffic starts.
/// </summary>
internal static class ControlTimingEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, AckTimings timings, ILogger logger)
    {
        routes.MapGet("/_emulator/ack-latency",
            (HttpContext c) => ControlRequest.HandleAsync(c, logger, _ => timings.Summary()));
        routes.MapPost("/_emulator/ack-latency/reset",
            (HttpContext c) => ControlRequest.HandleAsync(c, logger, _ => ControlEndpoints.Done(timings.Reset)));
    }
}
