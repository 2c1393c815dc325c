using System.Runtime.InteropServices;
using SlackOperator.Bench;

// `make bench`: the controller benchmark, then the Slack message load on SlackOperator and on Bolt. A
// measurement, not a test, so it exits 0 whatever the figures (2 on bad arguments, 130 when interrupted).
var options = BenchOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
void Interrupt(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

var clock = System.Diagnostics.Stopwatch.StartNew();
void Say(string text) => Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}] {text}");

var workDir = Directory.CreateTempSubdirectory("slack-operator-bench-").FullName;
var written = new List<string>();
try
{
    if (options.RunsController)
    {
        var result = await ControllerPhase.RunAsync(options, Path.Combine(workDir, "controller"), stop.Token);
        Console.Write(BenchReport.Table(result));
        if (!stop.IsCancellationRequested)
        {
            BenchReport.WriteJson(result, options.ResultsFile);
            written.Add("controller");
        }
    }

    SlackLoadResult? load = null, bolt = null;
    if (options.RunsSlackOperator && !stop.IsCancellationRequested)
    {
        load = await RunCappedAsync((ct) => OperatorLoadScenario.RunAsync(
            options, Path.Combine(workDir, "slack-operator"), Say, ct));
    }

    if (options.RunsBolt && !stop.IsCancellationRequested)
    {
        bolt = await RunCappedAsync((ct) => BoltLoadScenario.RunAsync(options, Path.Combine(workDir, "bolt"), Say,
            ct));
    }

    if ((load ?? bolt) is not null)
    {
        Console.Write(SlackReport.Table(load, bolt));
        if (!stop.IsCancellationRequested)
        {
            SlackReport.WriteJson(load, bolt, options.ResultsFile);
            written.Add("slack");
        }
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // Interrupted: the children were killed on the way out; nothing more to report.
}
finally
{
    if (options.LogsDirectory is { } logs)
    {
        Directory.CreateDirectory(logs);
        foreach (var file in Directory.GetFiles(workDir, "*.log", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(workDir, file).Replace(Path.DirectorySeparatorChar, '-');
            File.Copy(file, Path.Combine(logs, name), overwrite: true);
        }
    }

    Directory.Delete(workDir, recursive: true);
}

if (stop.IsCancellationRequested)
{
    Console.WriteLine("interrupted: results of the unfinished part not written");
    return 130;
}

Console.WriteLine($"results ({string.Join(", ", written)}) written to {options.ResultsFile}");
return 0;

// Each message-load scenario has its own cap; reaching it ends that scenario with an error, not the run.
async Task<SlackLoadResult> RunCappedAsync(Func<CancellationToken, Task<SlackLoadResult>> scenario)
{
    using var cap = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
    cap.CancelAfter(TimeSpan.FromSeconds(options.SlackTimeoutSeconds));
    try
    {
        return await scenario(cap.Token);
    }
    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
    {
        throw new InvalidOperationException(
            $"a message-load scenario reached its cap of {options.SlackTimeoutSeconds} s");
    }
}
