using SlackOperator.Bots;
using SlackOperator.Entities;

namespace SlackOperator.Behaviours;

/// <summary>
/// A SlackBot's behaviours compiled once per generation and keyed by channel id, so handling a message is a
/// dictionary look-up and a few string comparisons.
/// </summary>
internal sealed class BehaviourSet
{
    private readonly Dictionary<string, IReadOnlyList<ReplyRule>> _byChannel;
    private readonly IReadOnlyList<ReplyRule> _everywhere;

    private BehaviourSet(Dictionary<string, IReadOnlyList<ReplyRule>> byChannel, IReadOnlyList<ReplyRule> everywhere)
    {
        _byChannel = byChannel;
        _everywhere = everywhere;
    }

    public static BehaviourSet Empty { get; } = new([], []);

    /// <summary>Compiles the spec; channels are matched by the ids found for them.</summary>
    public static BehaviourSet Compile(SlackBotSpec spec, IReadOnlyList<ChannelObservation> channels)
    {
        var byChannel = new Dictionary<string, IReadOnlyList<ReplyRule>>(StringComparer.Ordinal);
        var declared = spec.Channels ?? [];
        for (var i = 0; i < declared.Count && i < channels.Count; i++)
        {
            if (channels[i].Id is { } id)
            {
                byChannel[id] = Replies(declared[i].Behaviours);
            }
        }

        return new BehaviourSet(byChannel, Replies(spec.Behaviours));
    }

    /// <summary>The reply rules for a conversation: its own first, then those for every conversation.</summary>
    public IEnumerable<ReplyRule> RepliesFor(string channelId) =>
        _byChannel.TryGetValue(channelId, out var rules) ? rules.Concat(_everywhere) : _everywhere;

    private static List<ReplyRule> Replies(IEnumerable<BehaviourSpec>? behaviours) =>
        (behaviours ?? []).Where(b => b.Reply is not null).Select(b => new ReplyRule(b.Reply!)).ToList();
}
