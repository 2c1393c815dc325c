using Microsoft.Extensions.Logging;

namespace SlackOperator.Kubernetes.LeaderElection;

internal static partial class LeaderElectionLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information,
        Message = "Campaigning for lease {Lease} as {Identity}")]
    public static partial void Campaigning(ILogger logger, string lease, string identity);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information,
        Message = "Became leader of lease {Lease} as {Identity}")]
    public static partial void BecameLeader(ILogger logger, string lease, string identity);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information,
        Message = "Lost leadership of lease {Lease}: {Why}; stopping the work")]
    public static partial void LostLeadership(ILogger logger, string lease, string why);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Released lease {Lease}")]
    public static partial void Released(ILogger logger, string lease);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Debug, Message = "Lease {Lease} is held by {Holder}")]
    public static partial void HeldByOther(ILogger logger, string lease, string holder);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Could not acquire or renew lease {Lease}")]
    public static partial void AttemptFailed(ILogger logger, Exception exception, string lease);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Debug,
        Message = "Another replica wrote lease {Lease} first (409 Conflict)")]
    public static partial void Conflict(ILogger logger, string lease);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "Could not release lease {Lease}")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string lease);
}
