namespace SlackOperator.Slack.SocketMode;

/// <summary>
/// Remembers the most recent event ids so a redelivered event (Slack's <c>retry_attempt</c>) or one that arrives
/// on both sockets during a refresh is handled once. Memory is bounded by <see cref="Capacity"/>.
/// </summary>
internal sealed class EventDeduplicator
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public EventDeduplicator(int capacity = 4096) => Capacity = capacity;

    public int Capacity { get; }

    /// <summary>True the first time an id is seen, false for a repeat.</summary>
    public bool TryRegister(string eventId)
    {
        lock (_lock)
        {
            if (!_seen.Add(eventId))
            {
                return false;
            }

            _order.Enqueue(eventId);
            if (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
