using System.Globalization;

namespace SlackOperator.Bench;

/// <summary>
/// How many Bolt processes to run: the number asked for, or as many as free memory holds at
/// <see cref="BudgetMbPerProcess"/> each after keeping <see cref="ReserveMb"/> for everything else, between
/// <see cref="Min"/> and <see cref="Max"/>. The upper bound is the 2-core CPU, not memory: each Node process
/// costs about half a CPU-second to start and its own event loop under load.
/// </summary>
internal static class BoltSizing
{
    public const int Min = 20;
    public const int Max = 100;
    public const int BudgetMbPerProcess = 150;
    public const int ReserveMb = 4096;

    public static (int Bots, string Reason) Choose(int? requested)
    {
        var available = MemAvailableMb();
        if (requested is { } n)
        {
            return (n, $"{n} as asked (--bolt-bots); MemAvailable {available} MB");
        }

        var fits = (int)Math.Min(int.MaxValue, Math.Max(0, available - ReserveMb) / BudgetMbPerProcess);
        var bots = Math.Clamp(fits, Min, Max);
        return (bots, $"MemAvailable {available} MB holds {fits} at {BudgetMbPerProcess} MB each after a "
            + $"{ReserveMb} MB reserve; capped to {Min}..{Max}");
    }

    private static long MemAvailableMb()
    {
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                return long.Parse(line["MemAvailable:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
                    / 1024;
            }
        }

        return 0;
    }
}
