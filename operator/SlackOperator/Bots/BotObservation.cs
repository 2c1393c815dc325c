using SlackOperator.Slack.SocketMode;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Bots;

/// <summary>What a running bot knows about itself, read by the reconciler to write the status.</summary>
internal sealed record BotObservation(
    AuthIdentity? Identity,
    SlackError? AuthError,
    ConnectionStatus? Connection,
    IReadOnlyList<ChannelObservation> Channels,
    IReadOnlyDictionary<string, DateTimeOffset> ScheduleRuns)
{
    public static BotObservation AuthFailed(SlackError error) =>
        new(null, error, null, [], new Dictionary<string, DateTimeOffset>());
}
