namespace SlackOperator.Emulators.Slack;

/// <summary>What Socket Mode did for one app: sockets opened, envelopes sent and acknowledged.</summary>
public sealed record DeliveryStats(
    string AppId, int ConnectionsOpened, int OpenConnections, int Deliveries, int Redeliveries, int Acks);
