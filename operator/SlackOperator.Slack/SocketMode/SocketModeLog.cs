using Microsoft.Extensions.Logging;

namespace SlackOperator.Slack.SocketMode;

internal static partial class SocketModeLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Socket Mode connected")]
    public static partial void Connected(ILogger logger);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information,
        Message = "Socket Mode connection lost ({Error}); reconnecting in {Delay}")]
    public static partial void Lost(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning,
        Message = "Socket Mode stopped for good: {Error}")]
    public static partial void Failed(ILogger logger, string error);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug,
        Message = "Slack asked to refresh the connection ({Reason}); opening a new one first")]
    public static partial void Refreshing(ILogger logger, string reason);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Debug,
        Message = "Skipped event {EventId} (retry {RetryAttempt}): already handled")]
    public static partial void Duplicate(ILogger logger, string eventId, int retryAttempt);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Error, Message = "Socket Mode link failed unexpectedly")]
    public static partial void Unexpected(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Error, Message = "Handler failed on event {EventId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string eventId);
}
