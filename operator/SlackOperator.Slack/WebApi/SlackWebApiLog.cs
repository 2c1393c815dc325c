using Microsoft.Extensions.Logging;

namespace SlackOperator.Slack.WebApi;

internal static partial class SlackWebApiLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Slack {Method} answered {Error}")]
    public static partial void CallFailed(ILogger logger, string method, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Slack {Method} is rate limited; retrying in {Delay}")]
    public static partial void RateLimited(ILogger logger, string method, TimeSpan delay);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "Slack {Method} failed with {Error}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, string error, int attempt, TimeSpan delay);
}
