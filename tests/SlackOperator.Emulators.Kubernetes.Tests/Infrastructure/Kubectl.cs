using System.Diagnostics;

namespace SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

/// <summary>Runs the real kubectl against one kubeconfig, with its own cache directory and a hard timeout.</summary>
public sealed class Kubectl(string kubeconfig, string workDir)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    public async Task<CommandResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDir,
        };
        foreach (var arg in (string[])["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(workDir, "cache"),
                     .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish within {Timeout}");
        }

        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs kubectl and asserts success with nothing at all on stderr.</summary>
    public async Task<string> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0 && result.Stderr.Length == 0,
            $"kubectl {string.Join(' ', args)}\n{result}");
        return result.Stdout;
    }
}
