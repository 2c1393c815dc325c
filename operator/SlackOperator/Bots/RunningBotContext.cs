using Microsoft.Extensions.Logging;
using SlackOperator.Behaviours;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Slack;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Bots;

/// <summary>What every <see cref="RunningBot"/> of one SlackBot shares with the host that runs it.</summary>
internal sealed record RunningBotContext(
    EntityKey Key, ISlackWebApi Api, SlackClientOptions SlackOptions, ForwardClient Forwards, TimeProvider Time,
    ILogger Logger, Action<EntityKey> OnChange);
