using SlackOperator.Entities;
using SlackOperator.Slack.Events;

namespace SlackOperator.Behaviours;

/// <summary>A compiled <see cref="ReactBehaviour"/>.</summary>
internal sealed class ReactRule
{
    private readonly MessageMatcher _when;

    public ReactRule(ReactBehaviour spec)
    {
        _when = new MessageMatcher(spec.When);
        Emoji = spec.Emoji.Trim(':');
    }

    public string Emoji { get; }

    public bool Matches(MessageEvent message, string botUserId) => _when.Match(message, botUserId) is not null;
}
