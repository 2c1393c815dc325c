using SlackOperator.Bots;
using SlackOperator.Entities;
using SlackOperator.Slack.Events;

namespace SlackOperator.Behaviours;

/// <summary>
/// A SlackBot's behaviours compiled once per generation and keyed by channel id. For a message, the channel's
/// own behaviours come first, then those for every conversation; the first matching reply or forward answers,
/// and every matching reaction is added.
/// </summary>
internal sealed class BehaviourSet
{
    private readonly Dictionary<string, ConversationBehaviours> _byChannel;
    private readonly ConversationBehaviours _everywhere;

    private BehaviourSet(
        Dictionary<string, ConversationBehaviours> byChannel, ConversationBehaviours everywhere,
        IReadOnlyList<ScheduleRule> schedules, bool allowBots)
    {
        _byChannel = byChannel;
        _everywhere = everywhere;
        Schedules = schedules;
        AllowBots = allowBots;
    }

    public static BehaviourSet Empty { get; } = new([], ConversationBehaviours.None, [], false);

    public IReadOnlyList<ScheduleRule> Schedules { get; }

    public bool AllowBots { get; }

    /// <summary>Compiles a spec that passed validation; channels are matched by the ids found for them.</summary>
    public static BehaviourSet Compile(SlackBotSpec spec, IReadOnlyList<ChannelObservation> channels)
    {
        var byChannel = new Dictionary<string, ConversationBehaviours>(StringComparer.Ordinal);
        var schedules = new List<ScheduleRule>();
        var declared = spec.Channels ?? [];
        for (var i = 0; i < declared.Count && i < channels.Count; i++)
        {
            // The same channel declared twice (once by name, once by id) keeps its first entry, as the status says.
            if (channels[i].Id is not { } id || byChannel.ContainsKey(id))
            {
                continue;
            }

            var behaviours = declared[i].Behaviours ?? [];
            byChannel[id] = CompileConversation(behaviours);
            schedules.AddRange(behaviours
                .Select((b, j) => (b.Schedule, Key: $"spec.channels[{i}].behaviours[{j}]"))
                .Where(s => s.Schedule is not null)
                .Select(s => new ScheduleRule(s.Key, id, s.Schedule!)));
        }

        return new BehaviourSet(byChannel, CompileConversation(spec.Behaviours ?? []), schedules,
            spec.AllowBots == true);
    }

    /// <summary>What to do about a message the filter let through.</summary>
    public Decision Decide(MessageEvent message, string botUserId)
    {
        var own = _byChannel.GetValueOrDefault(message.Channel) ?? ConversationBehaviours.None;
        MatchResult? match = null;
        var answer = own.Answers.Concat(_everywhere.Answers)
            .FirstOrDefault(rule => (match = rule.Match(message, botUserId)) is not null);
        var reactions = own.Reactions.Concat(_everywhere.Reactions)
            .Where(rule => rule.Matches(message, botUserId))
            .Select(rule => rule.Emoji)
            .Distinct()
            .ToList();
        return new Decision(answer, answer is null ? null : match, reactions);
    }

    /// <summary>The welcome for a channel, if it declares one.</summary>
    public WelcomeRule? WelcomeFor(string channelId) => _byChannel.GetValueOrDefault(channelId)?.Welcome;

    private static ConversationBehaviours CompileConversation(IReadOnlyList<BehaviourSpec> behaviours)
    {
        var answers = new List<IAnswerRule>();
        var reactions = new List<ReactRule>();
        WelcomeRule? welcome = null;
        foreach (var behaviour in behaviours)
        {
            if (behaviour.Reply is { } reply)
            {
                answers.Add(new ReplyRule(reply));
            }
            else if (behaviour.Forward is { } forward)
            {
                answers.Add(new ForwardRule(forward));
            }
            else if (behaviour.React is { } react)
            {
                reactions.Add(new ReactRule(react));
            }
            else if (behaviour.Welcome is { } greeting)
            {
                welcome ??= new WelcomeRule(greeting);
            }
        }

        return new ConversationBehaviours(answers, reactions, welcome);
    }
}
