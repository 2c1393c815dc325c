using System.Collections.Concurrent;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>The latest Web API calls, oldest dropped first beyond <see cref="Capacity"/>.</summary>
internal sealed class ApiCallJournal
{
    public const int Capacity = 100_000;

    private readonly ConcurrentQueue<ApiCallRecord> _calls = new();

    public void Add(ApiCallRecord call)
    {
        _calls.Enqueue(call);
        while (_calls.Count > Capacity && _calls.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<ApiCallRecord> Calls(string? method) =>
        [.. _calls.Where(c => method is null || c.Method == method)];
}
