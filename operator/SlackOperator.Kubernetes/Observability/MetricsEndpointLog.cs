using Microsoft.Extensions.Logging;

namespace SlackOperator.Kubernetes.Observability;

internal static partial class MetricsEndpointLog
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Information,
        Message = "Serving /metrics, /healthz and /readyz on {Address}")]
    public static partial void Listening(ILogger logger, string address);
}
