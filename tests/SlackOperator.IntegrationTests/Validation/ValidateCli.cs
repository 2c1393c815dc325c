using System.Diagnostics;
using SlackOperator.IntegrationTests.LeaderElection;

namespace SlackOperator.IntegrationTests.Validation;

/// <summary>Runs the built <c>slack-operator</c> with <c>dotnet</c>, as a CI job would, with a bounded wait.</summary>
public static class ValidateCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(OperatorProcess.StartInfo(arguments))
            ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
