using System.Globalization;

namespace SlackOperator.Bench;

/// <summary>The benchmark's settings, from the command line first, then BENCH_* variables, then defaults.</summary>
internal sealed record BenchOptions(
    int Bots,
    int Namespaces,
    int Concurrency,
    int SteadySeconds,
    int TimeoutSeconds,
    double PollSeconds,
    int? Workers,
    string BinDirectory,
    string RepositoryRoot,
    string ResultsFile,
    string? LogsDirectory,
    string Only,
    int SlackBots,
    int SlackChannels,
    int SlackSeconds,
    int SlackRate,
    int? BoltBots,
    int GraceSeconds,
    int SlackTimeoutSeconds,
    string BoltDirectory)
{
    public const string Usage = """
        usage: slack-operator-bench [--bots N] [--namespaces N] [--concurrency N] [--steady-seconds N]
                                    [--timeout-seconds N] [--poll-seconds S] [--workers N]
                                    [--bin DIR] [--root DIR] [--results FILE] [--logs DIR]
                                    [--only all|controller|slack|slack-operator|bolt] [--slack-bots N]
                                    [--slack-channels N] [--slack-seconds N] [--slack-rate N] [--bolt-bots N]
                                    [--grace-seconds N] [--slack-timeout-seconds N]
          --bots N             SlackBots to create (default 1000; BENCH_BOTS)
          --namespaces N       namespaces the bots are spread over (default 4; BENCH_NAMESPACES)
          --concurrency N      creations in flight at once (default 32; BENCH_CONCURRENCY)
          --steady-seconds N   how long to count writes once all are Ready (default 60; BENCH_STEADY_SECONDS)
          --timeout-seconds N  cap on the whole run (default 300; BENCH_TIMEOUT_SECONDS)
          --poll-seconds S     interval between lists of all SlackBots (default 0.25)
          --workers N          passed to `slack-operator run --workers` (default: the operator's)
          --bin DIR            where `make demo-binaries` put slack-operator and emulator (default .artifacts/demo)
          --results FILE       JSON output (default bench/results/latest.json)
          --logs DIR           keep the emulators' and the operator's output there (default: removed)
          --only PART          controller, slack (SlackOperator and Bolt message load), slack-operator, bolt
                               or all (default)
          --slack-bots N       SlackOperator bots under message load (default 500; BENCH_SLACK_BOTS)
          --slack-channels N   channels the load goes to, spread over the bots (default 500, at least the bots)
          --slack-seconds N    seconds of message load (default 60); messages = rate x seconds
          --slack-rate N       user messages per second in total (default 200)
          --bolt-bots N        Bolt processes (default: what free memory allows, 20 to 100)
          --grace-seconds N    wait for late replies after the last message (default 15)
          --slack-timeout-seconds N  cap on each message-load scenario (default 600)
        Kubernetes__Qps, Kubernetes__Burst and other operator settings pass through the environment.
        """;

    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        if (args.Count % 2 != 0)
        {
            return null;
        }

        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            given[args[i][2..]] = args[i + 1];
        }

        string? Text(string name) => given.TryGetValue(name, out var value)
            ? value
            : Environment.GetEnvironmentVariable("BENCH_" + name.ToUpperInvariant().Replace('-', '_'));
        int Int(string name, int fallback, int min, int max) =>
            Text(name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var value)
                ? Math.Clamp(value, min, max)
                : fallback;

        var root = Text("root") ?? FindRepositoryRoot() ?? Directory.GetCurrentDirectory();
        var poll = Text("poll-seconds") is { } p && double.TryParse(p, CultureInfo.InvariantCulture, out var s)
            ? Math.Clamp(s, 0.05, 5)
            : 0.25;
        return new BenchOptions(
            Int("bots", 1000, 1, 20_000),
            Int("namespaces", 4, 1, 100),
            Int("concurrency", 32, 1, 256),
            Int("steady-seconds", 60, 0, 3600),
            Int("timeout-seconds", 300, 30, 7200),
            poll,
            Text("workers") is { } w && int.TryParse(w, CultureInfo.InvariantCulture, out var workers)
                ? workers
                : null,
            Path.GetFullPath(Text("bin") ?? Path.Combine(root, ".artifacts", "demo")),
            root,
            Path.GetFullPath(Text("results") ?? Path.Combine(root, "bench", "results", "latest.json")),
            Text("logs") is { } logs ? Path.GetFullPath(logs) : null,
            Text("only") is { } only && Parts.Contains(only) ? only : "all",
            Int("slack-bots", 500, 1, 5000),
            Int("slack-channels", 500, 1, 5000),
            Int("slack-seconds", 60, 1, 3600),
            Int("slack-rate", 200, 1, 5000),
            Text("bolt-bots") is { } b && int.TryParse(b, CultureInfo.InvariantCulture, out var bolt)
                ? Math.Clamp(bolt, 1, 1000)
                : null,
            Int("grace-seconds", 15, 1, 600),
            Int("slack-timeout-seconds", 600, 60, 7200),
            Path.Combine(root, "bench", "bolt"));
    }

    private static readonly string[] Parts = ["all", "controller", "slack", "slack-operator", "bolt"];

    public bool RunsController => Only is "all" or "controller";

    public bool RunsSlackOperator => Only is "all" or "slack" or "slack-operator";

    public bool RunsBolt => Only is "all" or "slack" or "bolt";

    /// <summary>Messages of each message-load scenario: a fixed number, so every loop is bounded.</summary>
    public int SlackMessages => SlackRate * SlackSeconds;

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SlackOperator.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
