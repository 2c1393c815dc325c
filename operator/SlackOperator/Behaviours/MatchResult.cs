namespace SlackOperator.Behaviours;

/// <summary>A successful match and the capture groups it found (by number and by name).</summary>
internal sealed record MatchResult(IReadOnlyDictionary<string, string> Captures)
{
    public static MatchResult Plain { get; } = new(new Dictionary<string, string>());
}
