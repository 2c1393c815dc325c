using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SlackOperator.Bench;

/// <summary>
/// Scenario B: the same load against a fresh Slack emulator, answered by the official Bolt for JavaScript, one
/// Node process per bot (bench/bolt/bot.mjs). The same channels exist; bot j answers channels j, j+N, j+2N…
/// </summary>
internal static partial class BoltLoadScenario
{
    private const int StartsAtOnce = 4;
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);

    public static async Task<SlackLoadResult> RunAsync(BenchOptions options, string workDir, Action<string> say,
        CancellationToken ct)
    {
        var (bots, sizing) = BoltSizing.Choose(options.BoltBots);
        var load = new SlackLoadResult { Name = "bolt", Bots = bots, Plan = LoadPlan.From(options), Sizing = sizing };
        say($"bolt: {bots} processes ({sizing})");
        Directory.CreateDirectory(workDir);
        var children = new List<ChildProcess>();
        try
        {
            var script = Path.Combine(options.BoltDirectory, "bot.mjs");
            if (!Directory.Exists(Path.Combine(options.BoltDirectory, "node_modules", "@slack", "bolt")))
            {
                throw new InvalidOperationException(
                    $"@slack/bolt is not installed: run `npm ci` in {options.BoltDirectory} (make bench does)");
            }

            var emulatorPath = Path.Combine(options.BinDirectory, "emulator");
            var emulator = ChildProcess.Start(emulatorPath, ["slack"], Path.Combine(workDir, "emulator.log"));
            children.Add(emulator);
            var slackUrl = new Uri(await emulator.WaitForLineAsync(SlackLine(), _startTimeout, ct));
            using var slack = new SlackControl(slackUrl);
            var clock = Stopwatch.StartNew();
            var botUsers = new string[bots];
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = options.Concurrency,
                CancellationToken = ct,
            };
            await Parallel.ForEachAsync(Enumerable.Range(0, bots), parallel, async (j, token) =>
                botUsers[j] = await slack.AddAppAsync(AppName(j), token));
            var setup = new OperatorLoadSetup(load.Plan, options.Concurrency);
            await setup.AfterAppsAsync(slack, botUsers, ct);

            var apiUrl = new Uri(slackUrl, "api/").ToString();
            using var starting = new SemaphoreSlim(StartsAtOnce);
            var bolts = new ChildProcess[bots];
            await Task.WhenAll(Enumerable.Range(0, bots).Select(async j =>
            {
                await starting.WaitAsync(ct);
                try
                {
                    bolts[j] = StartBot(script, apiUrl, j, workDir, children);
                    await bolts[j].WaitForLineAsync(ReadyLine(), _startTimeout, ct);
                }
                finally
                {
                    starting.Release();
                }
            }));
            await SlackConnections.WaitForOpenAsync(slack, bots, ct);
            load.ConnectSeconds = clock.Elapsed.TotalSeconds;
            say($"bolt: {bots} processes connected in {load.ConnectSeconds:0.0} s");
            await LoadMeasurement.RunAsync(slack, setup.UserId, [.. bolts.Select(b => b.Id)], emulator.Id, load, say,
                ct);
            var exited = bolts.Count(b => b.HasExited);
            if (exited > 0)
            {
                throw new InvalidOperationException($"{exited} Bolt processes exited during the run");
            }
        }
        catch (Exception e) when (SlackConnections.IsRunFailure(e, ct))
        {
            load.Error = e.Message;
            foreach (var line in children.Take(3).SelectMany(c => c.Tail(10)))
            {
                await Console.Error.WriteLineAsync(line);
            }
        }
        finally
        {
            // The Bolt processes first (newest first), the emulator last.
            for (var i = children.Count - 1; i >= 0; i--)
            {
                children[i].Dispose();
            }
        }

        return load;
    }

    private static string AppName(int index) => $"bolt{index:D4}";

    private static ChildProcess StartBot(string script, string apiUrl, int index, string workDir,
        List<ChildProcess> children)
    {
        var (botToken, appToken) = SlackControl.Tokens(AppName(index));
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SLACK_BOT_TOKEN"] = botToken,
            ["SLACK_APP_TOKEN"] = appToken,
            ["SLACK_API_URL"] = apiUrl,
            ["BENCH_TRIGGER"] = LoadPlan.Trigger,
        };
        var log = Path.Combine(workDir, string.Create(CultureInfo.InvariantCulture, $"bolt-{index:D4}.log"));
        var child = ChildProcess.Start("node", [script], log, environment);
        lock (children)
        {
            children.Add(child);
        }

        return child;
    }

    [GeneratedRegex(@"slack emulator listening on (http://127\.0\.0\.1:\d+/?)")]
    private static partial Regex SlackLine();

    [GeneratedRegex("(bolt bot ready)")]
    private static partial Regex ReadyLine();
}
