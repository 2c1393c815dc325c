using SlackOperator.Entities;

namespace SlackOperator.Behaviours;

/// <summary>A compiled <see cref="WelcomeBehaviour"/>.</summary>
internal sealed class WelcomeRule(WelcomeBehaviour spec)
{
    private readonly MessageTemplate _text = new(spec.Text);

    public string Render(string userId, string channelId) => _text.Render(userId, channelId, MatchResult.Plain);
}
