using Microsoft.Extensions.Logging;

namespace SlackOperator.Emulators.Slack.Logging;

/// <summary>The emulator's log lines; none takes a token, so none can leak one.</summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(1, LogLevel.Information, "Slack emulator listening on {BaseUrl}")]
    public static partial void Started(ILogger logger, Uri baseUrl);

    [LoggerMessage(2, LogLevel.Debug, "Web API {Method} answered {Outcome}")]
    public static partial void ApiCalled(ILogger logger, string method, string outcome);

    [LoggerMessage(3, LogLevel.Information, "Web API {Method} answered HTTP {Status} by injected fault")]
    public static partial void FaultServed(ILogger logger, string method, int status);

    [LoggerMessage(4, LogLevel.Information, "Socket {ConnectionId} opened for app {AppId} ({Count} open)")]
    public static partial void SocketOpened(ILogger logger, int connectionId, string appId, int count);

    [LoggerMessage(5, LogLevel.Information, "Socket {ConnectionId} of app {AppId} closed")]
    public static partial void SocketClosed(ILogger logger, int connectionId, string appId);

    [LoggerMessage(6, LogLevel.Warning, "Socket Mode link refused: unknown or used ticket")]
    public static partial void TicketRefused(ILogger logger);

    [LoggerMessage(7, LogLevel.Debug, "Event {EventId} sent to app {AppId}, attempt {Attempt}")]
    public static partial void EnvelopeSent(ILogger logger, string eventId, string appId, int attempt);

    [LoggerMessage(8, LogLevel.Information, "Event {EventId} for app {AppId} given up: {Reason}")]
    public static partial void EnvelopeAbandoned(ILogger logger, string eventId, string appId, string reason);

    [LoggerMessage(9, LogLevel.Information, "Socket fault {Fault} injected for {Target}")]
    public static partial void SocketFault(ILogger logger, string fault, string target);

    [LoggerMessage(10, LogLevel.Warning, "Control request {Path} refused: {Reason}")]
    public static partial void ControlRefused(ILogger logger, string path, string reason);
}
