namespace SlackOperator.Behaviours;

/// <summary>What the bot does in one conversation: answers tried in order, reactions, a welcome.</summary>
internal sealed record ConversationBehaviours(
    IReadOnlyList<IAnswerRule> Answers, IReadOnlyList<ReactRule> Reactions, WelcomeRule? Welcome)
{
    public static ConversationBehaviours None { get; } = new([], [], null);
}
