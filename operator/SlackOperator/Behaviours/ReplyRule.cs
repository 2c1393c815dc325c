using SlackOperator.Entities;
using SlackOperator.Slack.Events;

namespace SlackOperator.Behaviours;

/// <summary>A compiled <see cref="ReplyBehaviour"/>.</summary>
internal sealed class ReplyRule : IAnswerRule
{
    private readonly MessageMatcher _when;
    private readonly MessageTemplate _text;

    public ReplyRule(ReplyBehaviour spec)
    {
        _when = new MessageMatcher(spec.When);
        _text = new MessageTemplate(spec.Text);
        InThread = spec.InThread == true;
    }

    public bool InThread { get; }

    public MatchResult? Match(MessageEvent message, string botUserId) => _when.Match(message, botUserId);

    public string Render(MessageEvent message, MatchResult match) => _text.Render(message.User, message.Channel, match);
}
