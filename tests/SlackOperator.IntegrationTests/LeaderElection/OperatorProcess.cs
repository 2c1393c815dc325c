using System.Collections.Concurrent;
using System.Diagnostics;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.LeaderElection;

/// <summary>
/// <c>slack-operator run</c> as a separate process, from the build of the configuration these tests were built in.
/// Its output is kept for failure messages; disposing kills it if it still runs.
/// </summary>
internal sealed class OperatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private OperatorProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Tail => $"--- {Name} ---\n" + string.Join('\n', _output.TakeLast(60));

    /// <summary>The operator assembly next to this test assembly's configuration (Debug or Release).</summary>
    public static string OperatorDll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent?.Name
                ?? throw new InvalidOperationException($"no configuration folder above {framework.FullName}");
            return RepoPaths.Of(
                "operator", "SlackOperator", "bin", configuration, framework.Name, "slack-operator.dll");
        }
    }

    /// <summary>How to run the built operator with <c>dotnet</c>, its output captured.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var dll = OperatorDll;
        Assert.True(File.Exists(dll), $"{dll} is missing; build operator/SlackOperator first");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    public static OperatorProcess Start(
        string name, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = StartInfo(arguments);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new OperatorProcess(name, Process.Start(start)
            ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Kills the process at once, as a crash or an evicted pod would end: nothing is released.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // The process already ended and was reaped.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
