using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Slack.Tests.Support;

/// <summary>Runs the scripts in tests/clients with the machine's Node, installing the pinned packages once.</summary>
internal static class NodeScripts
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(4);

    public static string ClientsDirectory { get; } = Path.Combine(FindRepoRoot(), "tests", "clients");

    public static async Task<JsonObject> RunAsync(string script, IReadOnlyDictionary<string, string> env,
        TimeSpan timeout)
    {
        await EnsureInstalledAsync();
        var (exitCode, stdout, stderr) = await RunProcessAsync("node", [script], env, timeout);
        var lastLine = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        Assert.True(lastLine is not null, $"{script} printed nothing (exit {exitCode}); stderr: {stderr}");
        var result = JsonNode.Parse(lastLine)!.AsObject();
        Assert.True(exitCode == 0, $"{script} exited {exitCode}: {lastLine}; stderr: {stderr}");
        return result;
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(ClientsDirectory, "node_modules", "@slack", "socket-mode")))
            {
                return;
            }

            var (exitCode, _, stderr) = await RunProcessAsync(
                "npm", ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>(), InstallTimeout);
            Assert.True(exitCode == 0, $"npm ci failed ({exitCode}): {stderr}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(
        string file, string[] args, IReadOnlyDictionary<string, string> env, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = ClientsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} ran longer than {timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 12; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SlackOperator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SlackOperator.sln not found above the test assembly.");
    }
}
