using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlackOperator.Emulators.Slack.Logging;

namespace SlackOperator.Emulators.Slack.SocketMode;

/// <summary>Serves <c>/link/</c>: redeems the ticket, upgrades to a WebSocket, says hello and reads acks.</summary>
internal sealed class SocketLinkEndpoint(
    TicketBook tickets, ConnectionRegistry registry, EnvelopeCourier courier, SocketFaultState faults,
    SlackEmulatorOptions options, ILogger logger, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var appId = tickets.Redeem(context.Request.Query["ticket"].ToString());
        if (appId is null)
        {
            EmulatorLog.TicketRefused(logger);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var accept = new WebSocketAcceptContext
        {
            KeepAliveInterval = options.PingInterval,
            KeepAliveTimeout = options.PingInterval * 3,
        };
        var socket = await context.WebSockets.AcceptWebSocketAsync(accept).ConfigureAwait(false);
        await RunAsync(new SocketConnection(registry.NextId(), appId, socket, context)).ConfigureAwait(false);
    }

    private async Task RunAsync(SocketConnection connection)
    {
        if (!registry.TryAdd(connection, out var count))
        {
            connection.TrySend(EventEnvelopes.Disconnect("too_many_websockets", connection.Id));
            connection.RequestClose();
            await connection.RunAsync(OnMessage, stopping).ConfigureAwait(false);
            return;
        }

        registry.StatsFor(connection.AppId).Opened();
        EmulatorLog.SocketOpened(logger, connection.Id, connection.AppId, count);
        if (!faults.WithholdHello)
        {
            connection.TrySend(EventEnvelopes.Hello(connection.AppId, connection.Id, count));
            connection.MarkReady();
        }

        try
        {
            await connection.RunAsync(OnMessage, stopping).ConfigureAwait(false);
        }
        finally
        {
            registry.Remove(connection);
            EmulatorLog.SocketClosed(logger, connection.Id, connection.AppId);
        }
    }

    private void OnMessage(SocketConnection connection, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("envelope_id", out var id) &&
                id.ValueKind == JsonValueKind.String)
            {
                courier.Ack(id.GetString()!, connection.AppId);
            }
        }
        catch (JsonException)
        {
            // Slack ignores what it cannot parse; so does the emulator.
        }
    }
}
