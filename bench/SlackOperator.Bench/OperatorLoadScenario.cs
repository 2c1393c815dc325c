using System.Diagnostics;

namespace SlackOperator.Bench;

/// <summary>
/// Scenario A: the operator runs <see cref="BenchOptions.SlackBots"/> SlackBots, each its own Slack app with a
/// reply rule in its own channel, and answers the message load.
/// </summary>
internal static class OperatorLoadScenario
{
    public static async Task<SlackLoadResult> RunAsync(BenchOptions options, string workDir, Action<string> say,
        CancellationToken ct)
    {
        var plan = LoadPlan.From(options);
        var load = new SlackLoadResult { Name = "slack", Bots = options.SlackBots, Plan = plan };
        var setupOptions = options with
        {
            Bots = options.SlackBots,
            SteadySeconds = 0,
            TimeoutSeconds = Math.Max(60, options.SlackTimeoutSeconds - options.SlackSeconds - options.GraceSeconds
                - 60),
        };
        var setup = new OperatorLoadSetup(plan, options.Concurrency);
        var controller = new BenchResult { Options = setupOptions };
        Directory.CreateDirectory(workDir);
        using var run = new BenchRun(setupOptions, workDir, controller, setup);
        try
        {
            var clock = Stopwatch.StartNew();
            await run.RunAsync(ct);
            if (controller.ReadySeconds is null || run.Operator is null || run.Emulator is null
                || run.SlackUrl is null)
            {
                throw new TimeoutException($"only {controller.ReadyBots} of {options.SlackBots} SlackBots got Ready");
            }

            say($"slack: {options.SlackBots} SlackBots Ready; waiting for their Socket Mode connections");
            using var slack = new SlackControl(run.SlackUrl);
            await SlackConnections.WaitForOpenAsync(slack, options.SlackBots, ct);
            load.ConnectSeconds = clock.Elapsed.TotalSeconds;
            say($"slack: {options.SlackBots} bots Ready and connected");
            await LoadMeasurement.RunAsync(slack, setup.UserId, [run.Operator.Id], run.Emulator.Id, load, say, ct);
            if (run.Operator.HasExited)
            {
                throw new InvalidOperationException($"the operator exited; see the end of {run.Operator.LogFile}");
            }
        }
        catch (Exception e) when (SlackConnections.IsRunFailure(e, ct))
        {
            load.Error = e.Message;
            foreach (var line in run.Tails())
            {
                await Console.Error.WriteLineAsync(line);
            }
        }

        return load;
    }
}
