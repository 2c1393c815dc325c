using SlackOperator.Slack.WebApi;

namespace SlackOperator.Slack.SocketMode;

/// <summary>A snapshot of a Socket Mode connection, reported each time its state changes.</summary>
/// <param name="State">The current state.</param>
/// <param name="Since">When the connection entered <paramref name="State"/>.</param>
/// <param name="Reconnects">Connections lost and replaced since the first hello.</param>
/// <param name="LastError">The error that caused the latest loss or failure, if any.</param>
public sealed record ConnectionStatus(
    ConnectionState State, DateTimeOffset Since, int Reconnects, SlackError? LastError);
