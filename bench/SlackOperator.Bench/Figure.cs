namespace SlackOperator.Bench;

/// <summary>One reported figure with its target; a figure without a target is informative only.</summary>
internal sealed record Figure(string Name, double? Value, string Unit, string? Target, bool? Pass)
{
    public string Result => Pass switch
    {
        true => "PASS",
        false => "MISS",
        null => Target is null ? "" : "n/a",
    };

    public static Figure AtMost(string name, double? value, string unit, double limit, string targetText) =>
        new(name, value, unit, targetText, value is null ? false : value <= limit);

    public static Figure Below(string name, double? value, string unit, double limit, string targetText) =>
        new(name, value, unit, targetText, value is null ? false : value < limit);

    public static Figure Info(string name, double? value, string unit) => new(name, value, unit, null, null);
}
