using SlackOperator.Entities;
using SlackOperator.Slack.Events;

namespace SlackOperator.Behaviours;

/// <summary>A compiled <see cref="ForwardBehaviour"/>.</summary>
internal sealed class ForwardRule : IAnswerRule
{
    private readonly MessageMatcher _when;

    public ForwardRule(ForwardBehaviour spec)
    {
        _when = new MessageMatcher(spec.When);
        Url = new Uri(spec.Url);
        Timeout = TimeSpan.FromSeconds(spec.TimeoutSeconds ?? 5);
        InThread = spec.InThread == true;
    }

    public Uri Url { get; }

    public TimeSpan Timeout { get; }

    public bool InThread { get; }

    public MatchResult? Match(MessageEvent message, string botUserId) => _when.Match(message, botUserId);
}
