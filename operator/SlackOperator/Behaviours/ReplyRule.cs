using SlackOperator.Entities;
using SlackOperator.Slack.Events;

namespace SlackOperator.Behaviours;

/// <summary>A compiled <see cref="ReplyBehaviour"/>: a text condition and a reply template.</summary>
internal sealed class ReplyRule
{
    private readonly string? _contains;
    private readonly string? _equals;
    private readonly StringComparison _comparison;
    private readonly string _template;

    public ReplyRule(ReplyBehaviour spec)
    {
        _contains = spec.When.Contains;
        _equals = spec.When.EqualTo?.Trim();
        _comparison = spec.When.IgnoreCase == false ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        _template = spec.Text;
        InThread = spec.InThread == true;
    }

    /// <summary>Reply in a thread under the message.</summary>
    public bool InThread { get; }

    /// <summary>True when the message text satisfies every condition given.</summary>
    public bool Matches(MessageEvent message)
    {
        var text = SlackText.Unescape(message.Text);
        if (_contains is null && _equals is null)
        {
            return false;
        }

        return (_contains is null || text.Contains(_contains, _comparison))
            && (_equals is null || string.Equals(text.Trim(), _equals, _comparison));
    }

    /// <summary>The reply text for <paramref name="message"/>.</summary>
    public string Render(MessageEvent message) =>
        _template
            .Replace("{{user}}", message.User is null ? "there" : $"<@{message.User}>", StringComparison.Ordinal)
            .Replace("{{channel}}", $"<#{message.Channel}>", StringComparison.Ordinal);
}
