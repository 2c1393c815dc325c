using Microsoft.Extensions.Logging;

namespace SlackOperator.Bots;

internal static partial class BotLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Started bot {Bot} as {BotUser} in {Team}")]
    public static partial void Started(ILogger logger, string bot, string botUser, string team);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Stopped bot {Bot}")]
    public static partial void Stopped(ILogger logger, string bot);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug,
        Message = "Bot {Bot} skipped message {Ts} in {Channel}: {Why}")]
    public static partial void Skipped(ILogger logger, string bot, string ts, string channel, string why);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Bot {Bot} replied to {Ts} in {Channel}")]
    public static partial void Replied(ILogger logger, string bot, string ts, string channel);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning,
        Message = "Bot {Bot} could not reply to {Ts} in {Channel}: {Error}")]
    public static partial void ReplyFailed(ILogger logger, string bot, string ts, string channel, string error);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning,
        Message = "Bot {Bot} could not forward {Ts} to {Host}: {Error}")]
    public static partial void ForwardFailed(ILogger logger, string bot, string ts, string host, string error);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information,
        Message = "Bot {Bot} posted schedule {Schedule} due at {Due}")]
    public static partial void SchedulePosted(ILogger logger, string bot, string schedule, DateTimeOffset due);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Error, Message = "Bot {Bot} schedule {Schedule} failed")]
    public static partial void ScheduleFailed(ILogger logger, Exception exception, string bot, string schedule);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information,
        Message = "Bot {Bot} connection is {State}{Detail}")]
    public static partial void ConnectionChanged(ILogger logger, string bot, string state, string detail);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug,
        Message = "Bot {Bot} answered an Events API request with {StatusCode} (new event: {EventId})")]
    public static partial void EventsApiRequest(ILogger logger, string bot, int statusCode, string eventId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "Bot {Bot} failed to handle event {EventId}")]
    public static partial void EventFailed(ILogger logger, Exception exception, string bot, string eventId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug,
        Message = "No bot receives Events API requests for {Bot} on this replica")]
    public static partial void EventsApiNoBot(ILogger logger, string bot);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning,
        Message = "Bot {Bot} refused Events API requests with a bad or stale signature ({Refused} since the last " +
            "warning): check that spec.signingSecret holds this Slack app's current Signing Secret")]
    public static partial void EventsApiBadSignature(ILogger logger, string bot, int refused);
}
