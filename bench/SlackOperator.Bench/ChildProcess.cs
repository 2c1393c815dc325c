using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SlackOperator.Bench;

/// <summary>A program the benchmark started: its output goes to a log file and can be waited for line by line.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly List<string> _lines = [];
    private readonly Queue<string> _last = new();
    private readonly Lock _gate = new();

    private ChildProcess(Process process, string logFile)
    {
        _process = process;
        _log = new StreamWriter(logFile) { AutoFlush = true };
        LogFile = logFile;
    }

    public int Id => _process.Id;

    public string LogFile { get; }

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string file, IEnumerable<string> args, string logFile,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, logFile);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {file}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The first capture group of the first output line matching <paramref name="pattern"/>.</summary>
    public async Task<string> WaitForLineAsync(Regex pattern, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_gate)
            {
                foreach (var line in _lines)
                {
                    if (pattern.Match(line) is { Success: true } match)
                    {
                        return match.Groups[1].Value;
                    }
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.StartInfo.FileName} exited with "
                    + $"{_process.ExitCode}; see {LogFile}");
            }

            await Task.Delay(50, ct);
        }

        throw new TimeoutException($"no line matching '{pattern}' within {timeout.TotalSeconds:0} s");
    }

    /// <summary>Waits for the program to end by itself; kills it when it takes longer than allowed.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(bounded.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{_process.StartInfo.FileName} did not end within {timeout.TotalSeconds:0} s");
        }
    }

    public IReadOnlyList<string> Tail(int count)
    {
        lock (_gate)
        {
            return [.. _last.Skip(Math.Max(0, _last.Count - count))];
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        lock (_gate)
        {
            _log.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            // Only the first lines are kept in memory (they hold the URLs); everything goes to the log file.
            if (_lines.Count < 2000)
            {
                _lines.Add(line);
            }

            _last.Enqueue(line);
            if (_last.Count > 50)
            {
                _last.Dequeue();
            }

            _log.WriteLine(line);
        }
    }
}
