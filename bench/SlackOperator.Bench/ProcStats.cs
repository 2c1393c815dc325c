using System.Globalization;

namespace SlackOperator.Bench;

/// <summary>What Linux reports about a process: resident memory and CPU time used so far.</summary>
internal static class ProcStats
{
    /// <summary>Clock ticks per second of /proc/PID/stat; 100 on every mainstream Linux build.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>VmRSS from /proc/PID/status, in MB (1 MB = 1,048,576 bytes); null when unreadable.</summary>
    public static double? ResidentMb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kb / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>User plus system CPU seconds from /proc/PID/stat; null when unreadable.</summary>
    public static double? CpuSeconds(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");

            // The command name may hold spaces; the fields after its closing parenthesis do not.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (utime + stime) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
