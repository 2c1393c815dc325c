using System.Collections.Concurrent;

namespace SlackOperator.Emulators.Slack.SocketMode;

/// <summary>The open sockets of every app, how events pick one of them, and per-app counters.</summary>
internal sealed class ConnectionRegistry
{
    /// <summary>Slack allows an app this many concurrent Socket Mode connections.</summary>
    public const int MaxConnectionsPerApp = 10;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<SocketConnection>> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LinkStats> _stats = new(StringComparer.Ordinal);
    private int _nextId;
    private int _turn;

    public int NextId() => Interlocked.Increment(ref _nextId);

    public LinkStats StatsFor(string appId) => _stats.GetOrAdd(appId, _ => new LinkStats());

    /// <summary>Registers a socket; false when the app has the maximum open already.</summary>
    public bool TryAdd(SocketConnection connection, out int count)
    {
        lock (_gate)
        {
            var list = ListFor(connection.AppId);
            count = list.Count;
            if (list.Count >= MaxConnectionsPerApp)
            {
                return false;
            }

            list.Add(connection);
            count = list.Count;
            return true;
        }
    }

    public void Remove(SocketConnection connection)
    {
        lock (_gate)
        {
            ListFor(connection.AppId).Remove(connection);
        }
    }

    /// <summary>Each event goes to one ready socket, in turn; draining sockets only as a last resort.</summary>
    public SocketConnection? Pick(string appId)
    {
        lock (_gate)
        {
            var ready = ListFor(appId).Where(c => c.IsReady).ToList();
            var fresh = ready.Where(c => !c.IsDraining).ToList();
            var pool = fresh.Count > 0 ? fresh : ready;
            return pool.Count == 0 ? null : pool[(int)((uint)_turn++ % (uint)pool.Count)];
        }
    }

    public IReadOnlyList<SocketConnection> Snapshot(string? appId)
    {
        lock (_gate)
        {
            return [.. _open.Where(p => appId is null || p.Key == appId).SelectMany(p => p.Value)];
        }
    }

    public DeliveryStats Stats(string appId)
    {
        lock (_gate)
        {
            return StatsFor(appId).Snapshot(appId, ListFor(appId).Count);
        }
    }

    private List<SocketConnection> ListFor(string appId)
    {
        if (!_open.TryGetValue(appId, out var list))
        {
            list = [];
            _open[appId] = list;
        }

        return list;
    }
}
