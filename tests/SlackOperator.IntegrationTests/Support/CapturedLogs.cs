using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SlackOperator.IntegrationTests.Support;

/// <summary>Keeps every log line the operator writes, scopes and exceptions included, to search for secrets.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs owner) : ILogger
    {
        private readonly AsyncLocal<List<object?>> _scopes = new();

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var scopes = _scopes.Value ??= [];
            scopes.Add(state);
            return new Scope(() => scopes.Remove(state));
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var scopes = string.Join(" ", (_scopes.Value ?? []).Select(Describe));
            owner._lines.Enqueue($"{logLevel} {category} [{scopes}] {formatter(state, exception)} {exception}");
        }
    }

    private static string? Describe(object? scope) => scope is IEnumerable<KeyValuePair<string, object?>> fields
        ? string.Join(",", fields.Select(p => $"{p.Key}={p.Value}"))
        : scope?.ToString();

    private sealed class Scope(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
