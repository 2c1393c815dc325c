using Microsoft.Extensions.Logging;

namespace SlackOperator.Kubernetes.Controllers;

internal static partial class ControllerLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Controller for {Resource} started with {Workers} workers")]
    public static partial void Started(ILogger logger, string resource, int workers);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Reconciled {Key}: {Result}")]
    public static partial void Reconciled(ILogger logger, string key, string result);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Reconcile of {Key} failed; retry {Retry}")]
    public static partial void Failed(ILogger logger, Exception exception, string key, int retry);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug,
        Message = "Skipped update of {Key}: generation {Generation} unchanged")]
    public static partial void SkippedUpdate(ILogger logger, string key, long? generation);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Controller for {Resource} stopped")]
    public static partial void Stopped(ILogger logger, string resource);
}
