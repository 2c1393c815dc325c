using System.Runtime.InteropServices;
using SlackOperator.Bench;

// The controller benchmark behind `make bench`: a measurement, not a test, so it exits 0 whatever the figures.
var options = BenchOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
var interrupted = false;
void Interrupt(PosixSignalContext context)
{
    context.Cancel = true;
    interrupted = true;
    stop.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
stop.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));

var workDir = Directory.CreateTempSubdirectory("slack-operator-bench-").FullName;
var result = new BenchResult { Options = options };
var run = new BenchRun(options, workDir, result);
try
{
    await run.RunAsync(stop.Token);
}
catch (Exception e) when (e is OperationCanceledException && stop.IsCancellationRequested)
{
    result.Error = interrupted ? "interrupted" : $"overall cap of {options.TimeoutSeconds} s reached";
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException
    or HttpRequestException or OperationCanceledException)
{
    result.Error = e.Message;
    foreach (var line in run.Tails())
    {
        await Console.Error.WriteLineAsync(line);
    }
}
finally
{
    run.Dispose();
    if (options.LogsDirectory is { } logs)
    {
        Directory.CreateDirectory(logs);
        foreach (var file in Directory.GetFiles(workDir, "*.log"))
        {
            File.Copy(file, Path.Combine(logs, Path.GetFileName(file)), overwrite: true);
        }
    }

    Directory.Delete(workDir, recursive: true);
}

Console.Write(BenchReport.Table(result));
if (interrupted)
{
    Console.WriteLine("interrupted: results not written");
    return 130;
}

BenchReport.WriteJson(result, options.ResultsFile);
Console.WriteLine($"results written to {options.ResultsFile}");
return 0;
