using System.Globalization;

namespace SlackOperator.Emulators.Kubernetes.Internal.Tables;

/// <summary>Ages the way kubectl shows them: 5s, 3m20s, 7h, 2d3h.</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan age)
    {
        var seconds = (long)age.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        var minutes = seconds / 60;
        var hours = minutes / 60;
        var days = hours / 24;
        var years = days / 365;
        return seconds switch
        {
            < 0 => "0s",
            < 120 => $"{seconds}s",
            < 600 => seconds % 60 == 0 ? $"{minutes}m" : $"{minutes}m{seconds % 60}s",
            < 3 * 3600 => $"{minutes}m",
            < 8 * 3600 => minutes % 60 == 0 ? $"{hours}h" : $"{hours}h{minutes % 60}m",
            < 48 * 3600 => $"{hours}h",
            < 8 * 86400 => hours % 24 == 0 ? $"{days}d" : $"{days}d{hours % 24}h",
            < 2 * 365 * 86400 => $"{days}d",
            < 8 * 365 * 86400 => days % 365 == 0 ? $"{years}y" : $"{years}y{days % 365}d",
            _ => years.ToString(CultureInfo.InvariantCulture) + "y",
        };
    }
}
