using System.Diagnostics;

namespace SlackOperator.IntegrationTests.Packaging;

/// <summary>Runs a program to its end within a bounded time and keeps what it printed.</summary>
internal sealed record ProgramRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<ProgramRun> RunAsync(string program, IEnumerable<string> args, TimeSpan timeout,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{program} {string.Join(' ', args)} ran longer than {timeout}");
        }

        return new ProgramRun(process.ExitCode, await stdout, await stderr);
    }

    public string Describe() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
