namespace SlackOperator.Bench;

/// <summary>What one message-load scenario measured; null where it did not get that far.</summary>
internal sealed class SlackLoadResult
{
    public required string Name { get; init; }

    public required int Bots { get; init; }

    public required LoadPlan Plan { get; init; }

    /// <summary>Operating-system processes that run the bots (1 for the operator, N for Bolt).</summary>
    public int Processes { get; set; }

    public string? Sizing { get; set; }

    public double? ConnectSeconds { get; set; }

    public TrafficOutcome? Traffic { get; set; }

    public ReplyTally? Tally { get; set; }

    public double? AckP50Ms { get; set; }

    public double? AckP99Ms { get; set; }

    public double? AckMaxMs { get; set; }

    public int AckCount { get; set; }

    public int Redeliveries { get; set; }

    public int Reconnects { get; set; }

    public double? MemoryIdleMb { get; set; }

    public double? MemoryPeakMb { get; set; }

    public double? CpuSeconds { get; set; }

    public double? EmulatorCpuSeconds { get; set; }

    public string? LoadAverageBefore { get; set; }

    public string? LoadAverageAfter { get; set; }

    public string? Error { get; set; }

    public double RatePerBot => (double)Plan.Rate / Bots;

    public double? MemoryMbPerBot => MemoryPeakMb / Bots;

    public double? ReplyP50Ms => Tally is { } t ? ReplyTally.Percentile(t.LatenciesMs, 0.50) : null;

    public double? ReplyP90Ms => Tally is { } t ? ReplyTally.Percentile(t.LatenciesMs, 0.90) : null;

    public double? ReplyP99Ms => Tally is { } t ? ReplyTally.Percentile(t.LatenciesMs, 0.99) : null;

    public double? ReplyMaxMs => Tally is { LatenciesMs.Count: > 0 } t ? t.LatenciesMs[^1] : null;

    /// <summary>Stored user messages without a reply after the grace period. Posts the emulator refused never
    /// reached a bot and are counted apart, in <see cref="TrafficOutcome.Failed"/>.</summary>
    public int? LostReplies => Tally?.Lost;

    public int? DuplicateReplies => Tally?.Duplicates;
}
