namespace SlackOperator.Behaviours;

/// <summary>What the bot does about one message: at most one answer, and any number of reactions.</summary>
internal sealed record Decision(IAnswerRule? Answer, MatchResult? Match, IReadOnlyList<string> Reactions)
{
    public static Decision Nothing { get; } = new(null, null, []);

    public bool IsEmpty => Answer is null && Reactions.Count == 0;
}
