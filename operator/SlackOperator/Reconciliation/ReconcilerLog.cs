using Microsoft.Extensions.Logging;

namespace SlackOperator.Reconciliation;

internal static partial class ReconcilerLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "SlackBot is {Reason}: {Message}")]
    public static partial void Transition(ILogger logger, string reason, string message);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Status unchanged; nothing written")]
    public static partial void StatusUnchanged(ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "SlackBot {Key} deleted; bot stopped")]
    public static partial void Deleted(ILogger logger, string key);
}
