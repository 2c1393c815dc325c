using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.SocketMode;

/// <summary>
/// A silenced socket is half-open, as a dead NAT leaves it: the TCP connection stays up, but Slack's side answers
/// no ping, reads no ack and sends nothing, even after its own keepalive gave up on the socket.
/// </summary>
public sealed class SocketSilenceTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    /// <summary>How long the server's keepalive may take to give up; on a loaded machine its timers run late, and
    /// the poll ends as soon as it did.</summary>
    private static readonly TimeSpan GiveUpPatience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Silence_OpenSocket_StaysOpenAtTcpLevelButReceivesNothing()
    {
        // Pings every 200 ms make the server's own keepalive give up on the socket well inside the window.
        await using var emulator = await StartAsync();
        using var api = new ApiClient(emulator);
        using var socket = await ConnectAsync(api, keepAlive: TimeSpan.Zero);
        Assert.Equal("hello", (await ReceiveTextAsync(socket))["type"]!.GetValue<string>());

        var silenced = emulator.Faults.Silence(TestEmulator.AppToken);
        var receiving = ReceiveTextAsync(socket);
        await emulator.PostUserMessageAsync("general", "U0ALICE", "into the void");
        var serverGaveUp = await Poll.UntilAsync(
            () => emulator.GetDeliveryStats(TestEmulator.AppId).OpenConnections == 0, GiveUpPatience);
        var finished = await Task.WhenAny(receiving, Task.Delay(Window));

        Assert.Equal(1, silenced);
        Assert.True(serverGaveUp, "the server side never ended the silenced socket");
        Assert.NotSame(receiving, finished);
        Assert.Equal(WebSocketState.Open, socket.State);
        var stats = emulator.GetDeliveryStats(TestEmulator.AppId);
        Assert.True(stats.Deliveries >= 1, $"{stats.Deliveries} deliveries");
        Assert.Equal(0, stats.Acks);
        socket.Abort();
    }

    [Fact]
    public async Task Silence_ClientWithKeepAliveTimeout_PingsGoUnansweredAndClientGivesUp()
    {
        await using var emulator = await StartAsync();
        using var api = new ApiClient(emulator);
        using var socket = await ConnectAsync(api, keepAlive: TimeSpan.FromMilliseconds(200));
        await ReceiveTextAsync(socket);

        var receiving = ReceiveTextAsync(socket);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var healthyBefore = !receiving.IsCompleted;
        var control = await api.ControlAsync("faults/silence",
            new JsonObject { ["app_token"] = TestEmulator.AppToken });
        var clock = Stopwatch.StartNew();
        var failure = await Record.ExceptionAsync(() => receiving.WaitAsync(GiveUpPatience));

        Assert.True(healthyBefore, "pings went unanswered before the socket was silenced");
        Assert.Equal(1, control["sockets"]!.GetValue<int>());
        Console.WriteLine($"client keepalive gave up after {clock.Elapsed.TotalMilliseconds:F0} ms: {failure}");

        // .NET reports a keepalive timeout to the pending receive as a cancellation wrapping a WebSocketException.
        Assert.True(failure is WebSocketException or OperationCanceledException, failure?.ToString());
        Assert.Equal(WebSocketState.Aborted, socket.State);
    }

    [Fact]
    public async Task Silence_OtherAppsToken_LeavesThisSocketServed()
    {
        await using var emulator = await StartAsync();
        var other = emulator.AddApp("otherbot");
        using var api = new ApiClient(emulator);
        using var socket = await ConnectAsync(api, keepAlive: TimeSpan.Zero);
        await ReceiveTextAsync(socket);

        var silenced = emulator.Faults.Silence(other.AppToken);
        await emulator.PostUserMessageAsync("general", "U0ALICE", "still here");
        var envelope = await ReceiveTextAsync(socket).WaitAsync(Window);

        Assert.Equal(0, silenced);
        Assert.Equal("events_api", envelope["type"]!.GetValue<string>());
        socket.Abort();
    }

    private static Task<SlackEmulator> StartAsync() => SlackEmulator.StartAsync(new SlackEmulatorOptions
    {
        PingInterval = TimeSpan.FromMilliseconds(200),
    });

    private static async Task<ClientWebSocket> ConnectAsync(ApiClient api, TimeSpan keepAlive)
    {
        var open = await api.PostFormAsync("apps.connections.open", TestEmulator.AppToken);
        Assert.True(open.Ok, open.Body.ToJsonString());
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = keepAlive;
        if (keepAlive > TimeSpan.Zero)
        {
            socket.Options.KeepAliveTimeout = keepAlive;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await socket.ConnectAsync(new Uri(open.Body["url"]!.GetValue<string>()), timeout.Token);
        return socket;
    }

    /// <summary>
    /// Reads one text message without a cancellation token, because cancelling a WebSocket receive aborts the
    /// socket, which would hide whether the server kept the connection open.
    /// </summary>
    private static async Task<JsonObject> ReceiveTextAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "closed by the server");
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(text.ToArray()))!.AsObject();
            }
        }
    }
}
