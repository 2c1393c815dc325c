namespace SlackOperator.Bench;

/// <summary>Everything one run measured; null where a phase did not get that far.</summary>
internal sealed class BenchResult
{
    public required BenchOptions Options { get; init; }

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public double AppsSeconds { get; set; }

    public double SecretsSeconds { get; set; }

    public double BotsSeconds { get; set; }

    public double OperatorIdleMb { get; set; }

    public double? FirstReadySeconds { get; set; }

    public double? HalfReadySeconds { get; set; }

    public double? NinetyReadySeconds { get; set; }

    public double? ReadySeconds { get; set; }

    public int ReadyBots { get; set; }

    public int Polls { get; set; }

    public Dictionary<string, int> StartupRequests { get; set; } = [];

    public double? StartupCpuSeconds { get; set; }

    public double? EmulatorStartupCpuSeconds { get; set; }

    public double? MemoryMb { get; set; }

    public double? MemoryAfterSteadyMb { get; set; }

    public double SteadySeconds { get; set; }

    public Dictionary<string, int> SteadyRequests { get; set; } = [];

    public double? SteadyCpuSeconds { get; set; }

    public int OpenSockets { get; set; }

    public int SocketsOpened { get; set; }

    public int OpenSocketsAfterSteady { get; set; }

    public int SocketsOpenedAfterSteady { get; set; }

    public bool RequestLogOverflowed { get; set; }

    public string? Error { get; set; }

    public int StartupRequestTotal => StartupRequests.Values.Sum();

    public double? StartupRequestsPerBot => ReadySeconds is null ? null : (double)StartupRequestTotal / Options.Bots;

    public int SteadyWrites => SteadyRequests.Where(p => RequestLog.IsWrite(p.Key)).Sum(p => p.Value);

    public double? SteadyWritesPerMinute => SteadySeconds > 0 ? SteadyWrites * 60 / SteadySeconds : null;

    /// <summary>Leader election renews its Lease by design; this tells those writes from the others.</summary>
    public int SteadyLeaseWrites =>
        SteadyRequests.Where(p => RequestLog.IsWrite(p.Key) && p.Key.EndsWith(" leases", StringComparison.Ordinal))
            .Sum(p => p.Value);

    public double? SteadyNonLeaseWritesPerMinute =>
        SteadySeconds > 0 ? (SteadyWrites - SteadyLeaseWrites) * 60 / SteadySeconds : null;

    public double? MemoryMbPerBot => MemoryMb / Options.Bots;

    public double? MemoryMbPerBotAboveIdle => (MemoryMb - OperatorIdleMb) / Options.Bots;
}
