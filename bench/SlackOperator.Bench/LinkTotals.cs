namespace SlackOperator.Bench;

/// <summary>Socket Mode counters summed over apps: sockets open and opened, envelopes sent, resent and acked.
/// </summary>
internal sealed record LinkTotals(int Open = 0, int Opened = 0, int Deliveries = 0, int Redeliveries = 0,
    int Acks = 0)
{
    /// <summary>Envelopes sent for the first time; each stands for one event.</summary>
    public int FirstDeliveries => Deliveries - Redeliveries;

    public LinkTotals Add(int open, int opened, int deliveries, int redeliveries, int acks) =>
        new(Open + open, Opened + opened, Deliveries + deliveries, Redeliveries + redeliveries, Acks + acks);
}
