using Microsoft.Extensions.Logging;

namespace SlackOperator.Hosting;

internal static partial class MetricsEndpointLog
{
    [LoggerMessage(EventId = 5501, Level = LogLevel.Information,
        Message = "Serving /metrics, /healthz and /readyz on {Address}")]
    public static partial void Listening(ILogger logger, string address);
}
