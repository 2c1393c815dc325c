using Microsoft.Extensions.Logging;
using SlackOperator.Emulators.Slack.Logging;

namespace SlackOperator.Emulators.Slack.SocketMode;

/// <summary>Socket Mode faults: dropped sockets, disconnect messages with a grace period, withheld hellos.</summary>
internal sealed class SocketFaultState(
    ConnectionRegistry registry, SlackEmulatorOptions options, ILogger logger, CancellationToken stopping)
{
    private static readonly string[] Reasons = ["warning", "refresh_requested", "link_disabled"];

    private volatile bool _withholdHello;

    public bool WithholdHello
    {
        get => _withholdHello;
        set => _withholdHello = value;
    }

    public int Drop(string? appId)
    {
        var sockets = registry.Snapshot(appId);
        EmulatorLog.SocketFault(logger, "drop", appId ?? "all apps");
        foreach (var socket in sockets)
        {
            socket.Abort();
        }

        return sockets.Count;
    }

    /// <summary>Makes sockets half-open: they stay connected but read and send nothing more.</summary>
    public int Silence(string? appId)
    {
        var sockets = registry.Snapshot(appId);
        EmulatorLog.SocketFault(logger, "silence", appId ?? "all apps");
        return sockets.Count(socket => socket.Silence());
    }

    /// <summary>
    /// Sends a disconnect message. After warning or refresh_requested the socket keeps working for the grace
    /// period so the client can open its next one first; link_disabled closes at once.
    /// </summary>
    public int SendDisconnect(string reason, string? appId)
    {
        if (!Reasons.Contains(reason))
        {
            throw new ArgumentException($"Unknown disconnect reason '{reason}'.", nameof(reason));
        }

        var sockets = registry.Snapshot(appId);
        EmulatorLog.SocketFault(logger, reason, appId ?? "all apps");
        foreach (var socket in sockets)
        {
            socket.TrySend(EventEnvelopes.Disconnect(reason, socket.Id));
            if (reason == "link_disabled")
            {
                socket.RequestClose();
                continue;
            }

            socket.MarkDraining();
            _ = CloseAfterGraceAsync(socket);
        }

        return sockets.Count;
    }

    private async Task CloseAfterGraceAsync(SocketConnection socket)
    {
        try
        {
            await Task.Delay(options.DisconnectGrace, options.TimeProvider, stopping).ConfigureAwait(false);
            socket.RequestClose();
        }
        catch (OperationCanceledException)
        {
            // The emulator is stopping and closes every socket itself.
        }
    }
}
