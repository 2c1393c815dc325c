using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace SlackOperator.Emulators.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket. A single send loop drains an outbox, because a WebSocket allows only one
/// send at a time; the receive loop hands each text message to the hub and answers close frames.
/// </summary>
internal sealed class SocketConnection(int id, string appId, WebSocket socket, HttpContext context)
{
    private const int MaxMessageBytes = 1024 * 1024;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    private readonly Channel<string?> _outbox = Channel.CreateUnbounded<string?>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _receiveStop = new();
    private volatile bool _ready;
    private volatile bool _draining;

    public int Id => id;

    public string AppId => appId;

    /// <summary>True once hello went out and until the socket ends; only ready sockets get events.</summary>
    public bool IsReady => _ready;

    /// <summary>True after a warning or refresh request; such sockets get events only when no other can.</summary>
    public bool IsDraining => _draining;

    public void MarkReady() => _ready = true;

    public void MarkDraining() => _draining = true;

    public bool TrySend(string json) => _outbox.Writer.TryWrite(json);

    /// <summary>Leaves the TCP connection open but silent both ways; see <see cref="SilenceGate"/>.</summary>
    public bool Silence()
    {
        try
        {
            return SilenceGate.Engage(context);
        }
        catch (ObjectDisposedException)
        {
            return false; // the request ended meanwhile; see Abort
        }
    }

    /// <summary>Queues a close frame behind whatever is already queued.</summary>
    public void RequestClose() => _outbox.Writer.TryWrite(null);

    /// <summary>Ends the TCP connection without a close frame, as a network failure would.</summary>
    public void Abort()
    {
        _ready = false;
        try
        {
            context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // Callers act on a snapshot of open sockets; when this one's request has ended since, Kestrel has
            // already recycled its context and there is no connection left to abort.
        }
    }

    public async Task RunAsync(Action<SocketConnection, string> onMessage, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _receiveStop.Token);
        var sending = SendLoopAsync(ct);
        try
        {
            await ReceiveLoopAsync(onMessage, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _ready = false;
            _outbox.Writer.TryComplete();
            await sending.ConfigureAwait(false);
            if (socket.State != WebSocketState.Closed)
            {
                context.Abort();
            }

            _receiveStop.Dispose();
        }
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var json in _outbox.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                if (json is null)
                {
                    await CloseAsync(ct).ConfigureAwait(false);
                    return;
                }

                var bytes = Encoding.UTF8.GetBytes(json);
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsSocketEnd(e))
        {
            _receiveStop.Cancel();
        }
    }

    private async Task CloseAsync(CancellationToken ct)
    {
        _ready = false;
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", ct).ConfigureAwait(false);
        }

        // The client should answer with its own close frame; a silent peer loses the TCP connection.
        _receiveStop.CancelAfter(CloseHandshakeTimeout);
    }

    private async Task ReceiveLoopAsync(Action<SocketConnection, string> onMessage, CancellationToken ct)
    {
        var buffer = new byte[8192];
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // The send loop owns sending, so it answers the close frame after anything still queued.
                    RequestClose();
                    return;
                }

                if (message.WrittenCount + result.Count > MaxMessageBytes)
                {
                    return;
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (result.EndOfMessage)
                {
                    Dispatch(onMessage, result.MessageType, message);
                }
            }
        }
        catch (Exception e) when (IsSocketEnd(e))
        {
            // The peer vanished, the server is stopping, or a close handshake timed out: the socket is over.
        }
    }

    private void Dispatch(Action<SocketConnection, string> onMessage, WebSocketMessageType type,
        ArrayBufferWriter<byte> message)
    {
        if (type == WebSocketMessageType.Text)
        {
            onMessage(this, Encoding.UTF8.GetString(message.WrittenSpan));
        }

        message.Clear();
    }

    private static bool IsSocketEnd(Exception e) => e is WebSocketException or OperationCanceledException
        or ObjectDisposedException or InvalidOperationException or IOException;
}
