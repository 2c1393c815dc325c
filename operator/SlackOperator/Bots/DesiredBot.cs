using SlackOperator.Entities;
using SlackOperator.Kubernetes.Informers;

namespace SlackOperator.Bots;

/// <summary>The bot a SlackBot declares, with its tokens resolved: what the <see cref="BotHost"/> must run.</summary>
/// <param name="Key">The SlackBot.</param>
/// <param name="Generation">The generation the spec is from.</param>
/// <param name="Tokens">The tokens read from its Secrets.</param>
/// <param name="Spec">The validated spec.</param>
/// <param name="PreviousRuns">Last runs of schedules as the status recorded them, so none is posted twice.</param>
internal sealed record DesiredBot(
    EntityKey Key, long Generation, BotTokens Tokens, SlackBotSpec Spec,
    IReadOnlyDictionary<string, DateTimeOffset> PreviousRuns);
