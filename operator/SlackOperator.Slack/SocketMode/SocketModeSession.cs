using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Slack.SocketMode;

/// <summary>One Socket Mode WebSocket: connect, wait for <c>hello</c>, read frames, send acknowledgements.</summary>
internal sealed class SocketModeSession : IAsyncDisposable
{
    private const int MaxFrameBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    private SocketModeSession(ClientWebSocket socket) => _socket = socket;

    public static async Task<SocketModeSession> ConnectAsync(
        Uri url, SlackClientOptions options, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = options.KeepAliveInterval;
        var session = new SocketModeSession(socket);
        try
        {
            using var helloTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            helloTimeout.CancelAfter(options.HelloTimeout);
            await socket.ConnectAsync(url, helloTimeout.Token).ConfigureAwait(false);
            await session.WaitForHelloAsync(helloTimeout.Token).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads the next frame; null when the socket closed.</summary>
    public async Task<SocketModeMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        for (var skipped = 0; skipped < 100; skipped++)
        {
            var frame = await ReceiveFrameAsync(cancellationToken).ConfigureAwait(false);
            if (frame is null)
            {
                return null;
            }

            var message = SocketModeMessage.TryParse(frame);
            if (message is not null)
            {
                return message;
            }
        }

        throw new WebSocketException(WebSocketError.InvalidMessageType, "too many frames that are not JSON");
    }

    public async Task AcknowledgeAsync(string envelopeId, CancellationToken cancellationToken)
    {
        var ack = Encoding.UTF8.GetBytes($$"""{"envelope_id":"{{EscapeJson(envelopeId)}}"}""");
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(ack, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Lost(ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closeTimeout.Token)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The peer is gone already; aborting below releases the socket either way.
            }
        }

        _socket.Abort();
        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task WaitForHelloAsync(CancellationToken cancellationToken)
    {
        var message = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
        if (message is { Type: "disconnect", Reason: { } reason })
        {
            throw new SocketRefusedException(new SlackError(reason, reason == "too_many_websockets"
                ? "Slack allows 10 Socket Mode connections per app: give each SlackBot its own Slack app"
                : null));
        }

        if (message?.Type != "hello")
        {
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "no hello from Slack");
        }
    }

    private async Task<byte[]?> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var writer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(writer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw Lost(ex);
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            writer.Advance(result.Count);
            if (writer.WrittenCount > MaxFrameBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, "a Socket Mode frame exceeded 4 MiB");
            }

            if (result.EndOfMessage)
            {
                return writer.WrittenSpan.ToArray();
            }
        }
    }

    /// <summary>
    /// .NET aborts a socket whose pings go unanswered for the keepalive timeout (a silent or half-open link) and
    /// reports that to pending calls as a cancellation nobody asked for; callers treat it as the lost socket it is.
    /// </summary>
    private static WebSocketException Lost(OperationCanceledException ex) =>
        new(WebSocketError.Faulted, "the socket was aborted, e.g. no pong within the keepalive timeout", ex);

    private static string EscapeJson(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
