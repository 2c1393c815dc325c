using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SlackOperator.Bench;

/// <summary>The message-load results: a side-by-side table and the "slack" and "bolt" sections of the JSON.
/// </summary>
internal static class SlackReport
{
    public const int MemoryFactor = 50;

    /// <summary>Why both scenarios get the same total rate rather than the same rate per bot.</summary>
    public const string RateChoice = "same total rate: both see the same messages, replies, channels, per-channel "
        + "pace and emulator load, so latencies, losses and duplicates compare like for like; the same per-bot rate "
        + "would leave Bolt's emulator nearly idle and hide what its processes cost under the full load";

    public static IReadOnlyList<Figure> Figures(SlackLoadResult? op, SlackLoadResult? bolt)
    {
        var figures = new List<Figure>();
        if (op is not null)
        {
            figures.Add(Figure.AtMost("slack.lost_replies", op.LostReplies, "", 0, "0"));
            figures.Add(Figure.AtMost("slack.duplicate_replies", op.DuplicateReplies, "", 0, "0"));
            figures.Add(bolt?.ReplyP99Ms is { } boltP99
                ? Figure.Below("slack.reply_p99_ms", op.ReplyP99Ms, "ms", boltP99, $"< {Text(boltP99)} (Bolt)")
                : Figure.Info("slack.reply_p99_ms", op.ReplyP99Ms, "ms"));
            figures.Add(bolt?.MemoryMbPerBot is { } boltMb
                ? Figure.AtMost("slack.memory_mb_per_bot", op.MemoryMbPerBot, "MB", boltMb / MemoryFactor,
                    $"<= {Text(boltMb / MemoryFactor)} (Bolt/{MemoryFactor})")
                : Figure.Info("slack.memory_mb_per_bot", op.MemoryMbPerBot, "MB"));
        }

        return figures;
    }

    public static string Table(SlackLoadResult? op, SlackLoadResult? bolt)
    {
        var any = op ?? bolt!;
        var plan = any.Plan;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
                $"Slack message load: {plan.Messages} messages at {plan.Rate}/s to {plan.Channels} channels, ")
            .AppendLine(CultureInfo.InvariantCulture,
                $"grace {plan.GraceSeconds} s, {Environment.ProcessorCount} cores");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"figure",-28} {"SlackOperator",18} {"Bolt",18}  {"target",-22} result");
        var targets = Figures(op, bolt).Where(f => f.Target is not null).ToDictionary(f => f.Name);
        foreach (var (label, key, value) in Rows())
        {
            var target = targets.GetValueOrDefault("slack." + key);
            text.Append(CultureInfo.InvariantCulture, $"{label,-28} {Cell(op, value),18} {Cell(bolt, value),18}  ")
                .AppendLine(CultureInfo.InvariantCulture, $"{target?.Target ?? "",-22} {target?.Result}");
        }

        foreach (var r in new[] { op, bolt }.OfType<SlackLoadResult>())
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Name}: load average {r.LoadAverageBefore} before, ")
                .AppendLine(CultureInfo.InvariantCulture, $"{r.LoadAverageAfter} after{SizingNote(r)}");
            if (r.Error is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{r.Name}: run ended early: {r.Error}");
            }
        }

        return text.ToString();
    }

    public static void WriteJson(SlackLoadResult? op, SlackLoadResult? bolt, string path)
    {
        var plan = (op ?? bolt!).Plan;
        var sections = new JsonObject
        {
            ["slack_load"] = new JsonObject
            {
                ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["cores"] = Environment.ProcessorCount,
                ["messages"] = plan.Messages,
                ["rate_per_second"] = plan.Rate,
                ["seconds"] = plan.Messages / plan.Rate,
                ["channels"] = plan.Channels,
                ["grace_seconds"] = plan.GraceSeconds,
                ["rate_choice"] = RateChoice,
                ["reply_latency"] = "ts of the bot's reply minus ts of the user's message, both stamped by the "
                    + "emulator when it stores them; the reply is found by thread_ts",
                ["ack_latency"] = "from the emulator queueing an envelope on the socket to reading its ack",
                ["memory"] = "peak summed VmRSS of the bots' processes during the load, divided by the bots",
            },
        };
        if (op is not null)
        {
            sections["slack"] = Section(op);
        }

        if (bolt is not null)
        {
            sections["bolt"] = Section(bolt);
        }

        ResultsFile.Merge(path, sections, BenchReport.Targets(Figures(op, bolt)));
    }

    private static JsonObject Section(SlackLoadResult r) => new()
    {
        ["bots"] = r.Bots,
        ["processes"] = r.Processes,
        ["bots_sizing"] = r.Sizing,
        ["channels"] = r.Plan.Channels,
        ["messages"] = r.Plan.Messages,
        ["rate_per_second"] = r.Plan.Rate,
        ["rate_per_bot_per_second"] = BenchReport.Round(r.RatePerBot),
        ["rate_per_channel_per_second"] = BenchReport.Round(r.Plan.RatePerChannel),
        ["messages_sent"] = r.Traffic?.Sent,
        ["messages_failed"] = r.Traffic?.Failed,
        ["send_seconds"] = BenchReport.Round(r.Traffic?.Seconds),
        ["achieved_rate_per_second"] = BenchReport.Round(r.Traffic?.RatePerSecond),
        ["send_lag_max_ms"] = BenchReport.Round(r.Traffic?.MaxLagMs),
        ["connect_seconds"] = BenchReport.Round(r.ConnectSeconds),
        ["acks"] = r.AckCount,
        ["ack_p50_ms"] = BenchReport.Round(r.AckP50Ms),
        ["ack_p99_ms"] = BenchReport.Round(r.AckP99Ms),
        ["ack_max_ms"] = BenchReport.Round(r.AckMaxMs),
        ["redeliveries"] = r.Redeliveries,
        ["reconnects"] = r.Reconnects,
        ["user_messages_stored"] = r.Tally?.UserMessages,
        ["answered"] = r.Tally?.Answered,
        ["reply_p50_ms"] = BenchReport.Round(r.ReplyP50Ms),
        ["reply_p90_ms"] = BenchReport.Round(r.ReplyP90Ms),
        ["reply_p99_ms"] = BenchReport.Round(r.ReplyP99Ms),
        ["reply_max_ms"] = BenchReport.Round(r.ReplyMaxMs),
        ["lost_replies"] = r.LostReplies,
        ["duplicate_replies"] = r.DuplicateReplies,
        ["stray_replies"] = r.Tally?.Stray,
        ["memory_mb_idle"] = BenchReport.Round(r.MemoryIdleMb),
        ["memory_mb_peak"] = BenchReport.Round(r.MemoryPeakMb),
        ["memory_mb_per_bot"] = BenchReport.Round(r.MemoryMbPerBot),
        ["cpu_seconds"] = BenchReport.Round(r.CpuSeconds),
        ["emulator_cpu_seconds"] = BenchReport.Round(r.EmulatorCpuSeconds),
        ["load_average_before"] = r.LoadAverageBefore,
        ["load_average_after"] = r.LoadAverageAfter,
        ["error"] = r.Error,
    };

    private static IEnumerable<(string Label, string Key, Func<SlackLoadResult, string?> Value)> Rows() =>
    [
        ("bots (processes)", "bots", r => $"{r.Bots} ({r.Processes})"),
        ("rate per bot", "rate", r => $"{Text(r.RatePerBot)} /s"),
        ("sent (failed)", "sent", r => r.Traffic is { } t ? $"{t.Sent} ({t.Failed})" : null),
        ("achieved rate", "achieved", r => r.Traffic is { } t ? $"{Text(t.RatePerSecond)} /s" : null),
        ("ack p50", "ack_p50_ms", r => Ms(r.AckP50Ms)),
        ("ack p99", "ack_p99_ms", r => Ms(r.AckP99Ms)),
        ("reply p50", "reply_p50_ms", r => Ms(r.ReplyP50Ms)),
        ("reply p99", "reply_p99_ms", r => Ms(r.ReplyP99Ms)),
        ("reply max", "reply_max_ms", r => Ms(r.ReplyMaxMs)),
        ("lost replies", "lost_replies", r => r.LostReplies?.ToString(CultureInfo.InvariantCulture)),
        ("duplicate replies", "duplicate_replies", r => r.DuplicateReplies?.ToString(CultureInfo.InvariantCulture)),
        ("redeliveries / reconnects", "redeliveries", r => $"{r.Redeliveries} / {r.Reconnects}"),
        ("memory peak", "memory_mb_peak", r => r.MemoryPeakMb is { } m ? $"{Text(m)} MB" : null),
        ("memory per bot", "memory_mb_per_bot", r => r.MemoryMbPerBot is { } m ? $"{Text(m)} MB" : null),
        ("bot CPU during load", "cpu_seconds", r => r.CpuSeconds is { } c ? $"{Text(c)} s" : null),
        ("emulator CPU during load", "emulator_cpu", r => r.EmulatorCpuSeconds is { } c ? $"{Text(c)} s" : null),
    ];

    private static string SizingNote(SlackLoadResult r) => r.Sizing is null ? "" : "; " + r.Sizing;

    private static string Cell(SlackLoadResult? r, Func<SlackLoadResult, string?> value) =>
        r is null ? "(not run)" : value(r) ?? "-";

    private static string? Ms(double? value) => value is { } v ? $"{Text(v)} ms" : null;

    private static string Text(double value) => BenchReport.Format(Math.Round(value, 3));
}
