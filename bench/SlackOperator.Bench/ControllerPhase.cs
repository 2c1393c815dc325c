namespace SlackOperator.Bench;

/// <summary>The controller benchmark (N SlackBots until Ready, then steady state) under its own time cap.</summary>
internal static class ControllerPhase
{
    public static async Task<BenchResult> RunAsync(BenchOptions options, string workDir, CancellationToken stop)
    {
        Directory.CreateDirectory(workDir);
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(stop);
        cap.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var result = new BenchResult { Options = options };
        using var run = new BenchRun(options, workDir, result);
        try
        {
            await run.RunAsync(cap.Token);
        }
        catch (Exception e) when (e is OperationCanceledException && cap.IsCancellationRequested)
        {
            result.Error = stop.IsCancellationRequested
                ? "interrupted"
                : $"overall cap of {options.TimeoutSeconds} s reached";
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

        return result;
    }
}
