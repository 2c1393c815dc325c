using Microsoft.Extensions.Logging;

namespace SlackOperator.Kubernetes.Informers;

internal static partial class InformerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Listed {Count} {Resource} at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, int count, string resource, string resourceVersion);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Watch of {Resource} expired (410 Gone); relisting")]
    public static partial void Expired(ILogger logger, string resource);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "List or watch of {Resource} failed; retrying in {Delay}")]
    public static partial void Failed(ILogger logger, Exception exception, string resource, TimeSpan delay);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug,
        Message = "Watch of {Resource} ended at resourceVersion {ResourceVersion}; watching again")]
    public static partial void WatchEnded(ILogger logger, string resource, string resourceVersion);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "An informer handler of {Resource} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string resource);
}
