namespace SlackOperator.Emulators.Slack.SocketMode;

/// <summary>Thread-safe Socket Mode counters for one app.</summary>
internal sealed class LinkStats
{
    private int _opened;
    private int _deliveries;
    private int _redeliveries;
    private int _acks;

    public void Opened() => Interlocked.Increment(ref _opened);

    public void Delivered(bool isRetry)
    {
        Interlocked.Increment(ref _deliveries);
        if (isRetry)
        {
            Interlocked.Increment(ref _redeliveries);
        }
    }

    public void Acked() => Interlocked.Increment(ref _acks);

    public DeliveryStats Snapshot(string appId, int open) =>
        new(appId, Volatile.Read(ref _opened), open, Volatile.Read(ref _deliveries),
            Volatile.Read(ref _redeliveries), Volatile.Read(ref _acks));
}
