using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;

namespace SlackOperator.Bench;

/// <summary>Turns a <see cref="BenchResult"/> into the printed table and bench/results/latest.json.</summary>
internal static class BenchReport
{
    private const double ReadyTargetSeconds = 30;
    private const double MemoryTargetMbPerBot = 1;

    public static IReadOnlyList<Figure> Figures(BenchResult r) =>
    [
        Figure.Info("controller.bots", r.Options.Bots, "bots"),
        Figure.AtMost("controller.ready_seconds", r.ReadySeconds, "s", ReadyTargetSeconds, "<= 30 s"),
        Figure.Info("controller.ready_p50_seconds", r.HalfReadySeconds, "s"),
        Figure.Info("controller.ready_p90_seconds", r.NinetyReadySeconds, "s"),
        Figure.Info("controller.startup_requests_per_bot", r.StartupRequestsPerBot, "requests"),
        Figure.AtMost("controller.steady_writes_per_minute", r.SteadyWritesPerMinute, "/min", 0, "0 /min"),
        Figure.Info("controller.steady_writes_per_minute_without_leases", r.SteadyNonLeaseWritesPerMinute, "/min"),
        Figure.Below("controller.memory_mb_per_bot", r.MemoryMbPerBot, "MB", MemoryTargetMbPerBot, "< 1 MB"),
        Figure.Info("controller.memory_mb", r.MemoryMb, "MB"),
        Figure.Info("controller.memory_mb_per_bot_above_idle", r.MemoryMbPerBotAboveIdle, "MB"),
        Figure.Info("controller.startup_cpu_seconds", r.StartupCpuSeconds, "s"),
        Figure.Info("bench.create_bots_seconds", r.BotsSeconds, "s"),
    ];

    public static string Table(BenchResult r)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"SlackOperator controller benchmark: {r.Options.Bots} bots, {Environment.ProcessorCount} cores");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"figure",-52} {"value",16}  {"target",-10} result");
        foreach (var f in Figures(r))
        {
            var value = f.Value is { } v ? $"{Format(v)} {f.Unit}" : "-";
            text.AppendLine(CultureInfo.InvariantCulture, $"{f.Name,-52} {value,16}  {f.Target ?? "",-10} {f.Result}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"{r.ReadyBots}/{r.Options.Bots} Ready; Slack sockets open {r.OpenSockets}, opened {r.SocketsOpened}");
        text.AppendLine("operator requests until all Ready: " + Describe(r.StartupRequests));
        text.AppendLine("operator requests in steady state: " + Describe(r.SteadyRequests));
        if (r.Error is not null)
        {
            text.AppendLine("run ended early: " + r.Error);
        }

        return text.ToString();
    }

    public static void WriteJson(BenchResult r, string path)
    {
        var o = r.Options;
        var json = new JsonObject
        {
            ["date"] = r.StartedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["machine"] = new JsonObject
            {
                ["cores"] = Environment.ProcessorCount,
                ["os"] = RuntimeInformation.OSDescription,
                ["runtime"] = RuntimeInformation.FrameworkDescription,
            },
            ["settings"] = new JsonObject
            {
                ["bots"] = o.Bots,
                ["namespaces"] = o.Namespaces,
                ["concurrency"] = o.Concurrency,
                ["poll_seconds"] = o.PollSeconds,
                ["steady_seconds"] = o.SteadySeconds,
                ["workers"] = o.Workers,
                ["kubernetes_qps"] = Environment.GetEnvironmentVariable("Kubernetes__Qps"),
                ["kubernetes_burst"] = Environment.GetEnvironmentVariable("Kubernetes__Burst"),
            },
            ["controller"] = new JsonObject
            {
                ["bots"] = o.Bots,
                ["ready_bots"] = r.ReadyBots,
                ["ready_seconds"] = Round(r.ReadySeconds),
                ["first_ready_seconds"] = Round(r.FirstReadySeconds),
                ["ready_p50_seconds"] = Round(r.HalfReadySeconds),
                ["ready_p90_seconds"] = Round(r.NinetyReadySeconds),
                ["startup_requests"] = r.StartupRequestTotal,
                ["startup_requests_per_bot"] = Round(r.StartupRequestsPerBot),
                ["startup_requests_by_kind"] = Counts(r.StartupRequests),
                ["startup_cpu_seconds"] = Round(r.StartupCpuSeconds),
                ["steady_seconds"] = Round(r.SteadySeconds),
                ["steady_writes"] = r.SteadyWrites,
                ["steady_writes_per_minute"] = Round(r.SteadyWritesPerMinute),
                ["steady_writes_per_minute_without_leases"] = Round(r.SteadyNonLeaseWritesPerMinute),
                ["steady_requests_by_kind"] = Counts(r.SteadyRequests),
                ["steady_cpu_seconds"] = Round(r.SteadyCpuSeconds),
                ["memory_mb"] = Round(r.MemoryMb),
                ["memory_mb_per_bot"] = Round(r.MemoryMbPerBot),
                ["memory_mb_idle"] = Round(r.OperatorIdleMb),
                ["memory_mb_per_bot_above_idle"] = Round(r.MemoryMbPerBotAboveIdle),
                ["memory_mb_after_steady"] = Round(r.MemoryAfterSteadyMb),
                ["slack_sockets_open"] = r.OpenSockets,
                ["slack_sockets_opened"] = r.SocketsOpened,
                ["slack_sockets_open_after_steady"] = r.OpenSocketsAfterSteady,
                ["slack_sockets_opened_after_steady"] = r.SocketsOpenedAfterSteady,
            },
            ["bench"] = new JsonObject
            {
                ["create_apps_seconds"] = Round(r.AppsSeconds),
                ["create_secrets_seconds"] = Round(r.SecretsSeconds),
                ["create_bots_seconds"] = Round(r.BotsSeconds),
                ["ready_polls"] = r.Polls,
                ["emulator_cpu_seconds_until_ready"] = Round(r.EmulatorStartupCpuSeconds),
                ["request_log_overflowed"] = r.RequestLogOverflowed,
            },
            ["error"] = r.Error,
        };
        ResultsFile.Merge(path, json, Targets(Figures(r)));
    }

    /// <summary>The figures that have a target, as entries of the results file's "targets".</summary>
    public static IReadOnlyList<JsonObject> Targets(IEnumerable<Figure> figures) =>
        [.. figures.Where(f => f.Target is not null).Select(f => new JsonObject
        {
            ["figure"] = f.Name,
            ["value"] = Round(f.Value),
            ["target"] = f.Target,
            ["result"] = f.Result,
        })];

    private static JsonObject Counts(Dictionary<string, int> counts)
    {
        var json = new JsonObject();
        foreach (var (key, n) in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            json[key] = n;
        }

        return json;
    }

    private static string Describe(Dictionary<string, int> counts) => counts.Count == 0
        ? "none"
        : string.Join(", ", counts.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"));

    public static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    public static string Format(double value) => value.ToString(
        Math.Abs(value) >= 100 || value == Math.Floor(value) ? "0.#" : "0.###", CultureInfo.InvariantCulture);
}
