using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Slack.Tests.Support;

/// <summary>A bare Socket Mode client over ClientWebSocket, so tests control every frame.</summary>
internal sealed class SocketClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    private readonly ClientWebSocket _socket = new();

    public WebSocketState State => _socket.State;

    public static async Task<SocketClient> ConnectAsync(SlackEmulator emulator, ApiClient api, string appToken)
    {
        var open = await api.PostFormAsync("apps.connections.open", appToken);
        Assert.True(open.Ok, open.Body.ToJsonString());
        var client = new SocketClient();
        await client._socket.ConnectAsync(new Uri(open.Body["url"]!.GetValue<string>()), Timeout());
        return client;
    }

    /// <summary>Reads the next JSON message; null when the socket closed or nothing came in time.</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        try
        {
            for (var frames = 0; frames < 1000; frames++)
            {
                var result = await _socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                text.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return JsonNode.Parse(text.ToArray())!.AsObject();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            return null;
        }

        return null;
    }

    /// <summary>Reads messages until one of the given type arrives, skipping others.</summary>
    public async Task<JsonObject?> ReceiveTypeAsync(string type, TimeSpan? wait = null)
    {
        for (var i = 0; i < 50; i++)
        {
            var message = await ReceiveAsync(wait);
            if (message is null || message["type"]?.GetValue<string>() == type)
            {
                return message;
            }
        }

        return null;
    }

    public Task AckAsync(JsonObject envelope) => SendAsync(new JsonObject
    {
        ["envelope_id"] = envelope["envelope_id"]!.GetValue<string>(),
        ["payload"] = new JsonObject(),
    });

    public Task SendAsync(JsonObject message) => _socket.SendAsync(
        Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, Timeout());

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", Timeout());
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server may have gone first; nothing is left to close.
            }
        }

        _socket.Dispose();
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(DefaultWait).Token;
}
