using SlackOperator.Entities;
using SlackOperator.Kubernetes.Informers;

namespace SlackOperator.Bots;

/// <summary>The bot a SlackBot declares, with its tokens resolved: what the <see cref="BotHost"/> must run.</summary>
internal sealed record DesiredBot(EntityKey Key, long Generation, BotTokens Tokens, SlackBotSpec Spec);
