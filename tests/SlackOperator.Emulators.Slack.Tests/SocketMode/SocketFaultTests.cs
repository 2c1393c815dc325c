using System.Net.WebSockets;
using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.SocketMode;

public sealed class SocketFaultTests
{
    [Fact]
    public async Task LoseAcks_Two_EnvelopeSentAgainWithRetryAttemptsOneAndTwoUntilAckKept()
    {
        await using var emulator = await TestEmulator.StartAsync(ackTimeout: TimeSpan.FromMilliseconds(300));
        using var api = new ApiClient(emulator);
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        await socket.ReceiveTypeAsync("hello");
        emulator.Faults.LoseAcks(2);

        await emulator.PostUserMessageAsync("general", "U0ALICE", "ack me thrice");
        var attempts = new List<(int Attempt, string EventId)>();
        for (var i = 0; i < 3; i++)
        {
            var envelope = await socket.ReceiveTypeAsync("events_api");
            await socket.AckAsync(envelope!);
            attempts.Add((envelope!["retry_attempt"]!.GetValue<int>(),
                envelope["payload"]!["event_id"]!.GetValue<string>()));
        }

        var extra = await socket.ReceiveAsync(TimeSpan.FromMilliseconds(600));
        Assert.Equal([0, 1, 2], attempts.Select(a => a.Attempt));
        Assert.Single(attempts.Select(a => a.EventId).Distinct());
        Assert.Null(extra);
        var stats = emulator.GetDeliveryStats(TestEmulator.AppId);
        Assert.Equal((3, 2, 1), (stats.Deliveries, stats.Redeliveries, stats.Acks));
    }

    [Fact]
    public async Task SendDisconnect_RefreshRequested_SocketWorksThroughGraceThenCloses()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        await socket.ReceiveTypeAsync("hello");

        emulator.Faults.SendDisconnect("refresh_requested");
        var disconnect = await socket.ReceiveTypeAsync("disconnect");
        await emulator.PostUserMessageAsync("general", "U0ALICE", "during grace");
        var stillServed = await socket.ReceiveTypeAsync("events_api");
        await socket.AckAsync(stillServed!);
        var closed = await socket.ReceiveAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("refresh_requested", disconnect!["reason"]!.GetValue<string>());
        Assert.NotNull(disconnect["debug_info"]!["host"]);
        Assert.Equal("during grace", stillServed!["payload"]!["event"]!["text"]!.GetValue<string>());
        Assert.Null(closed);
        Assert.Equal(WebSocketState.CloseReceived, socket.State);
        Assert.True(await Poll.UntilAsync(() => emulator.GetDeliveryStats(TestEmulator.AppId).Acks == 1,
            TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task SendDisconnect_Warning_NewSocketPreferredForEvents()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        await using var old = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        await old.ReceiveTypeAsync("hello");

        emulator.Faults.SendDisconnect("warning");
        await old.ReceiveTypeAsync("disconnect");
        await using var fresh = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        var hello = await fresh.ReceiveTypeAsync("hello");
        await emulator.PostUserMessageAsync("general", "U0ALICE", "to the new one");

        Assert.Equal(2, hello!["num_connections"]!.GetValue<int>());
        Assert.NotNull(await fresh.ReceiveTypeAsync("events_api"));
    }

    [Fact]
    public async Task SendDisconnect_LinkDisabled_ClosesAtOnce()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        await socket.ReceiveTypeAsync("hello");

        emulator.Faults.SendDisconnect("link_disabled");
        var disconnect = await socket.ReceiveTypeAsync("disconnect");
        var closed = await socket.ReceiveAsync(TimeSpan.FromSeconds(1));

        Assert.Equal("link_disabled", disconnect!["reason"]!.GetValue<string>());
        Assert.Null(closed);
        Assert.Equal(WebSocketState.CloseReceived, socket.State);
    }

    [Fact]
    public async Task DropSockets_OpenSocket_EndsWithoutCloseFrame()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        await socket.ReceiveTypeAsync("hello");

        var dropped = emulator.Faults.DropSockets(TestEmulator.AppToken);
        var received = await socket.ReceiveAsync(TimeSpan.FromSeconds(3));

        Assert.Equal(1, dropped);
        Assert.Null(received);
        Assert.Equal(WebSocketState.Aborted, socket.State);
        Assert.True(await Poll.UntilAsync(
            () => emulator.GetDeliveryStats(TestEmulator.AppId).OpenConnections == 0, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task WithholdHello_NewSocket_GetsNeitherHelloNorEvents()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        emulator.Faults.WithholdHello(true);
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);

        await emulator.PostUserMessageAsync("general", "U0ALICE", "nobody hears this");

        var stats = emulator.GetDeliveryStats(TestEmulator.AppId);
        Assert.Null(await socket.ReceiveAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal((1, 0), (stats.OpenConnections, stats.Deliveries));
    }
}
