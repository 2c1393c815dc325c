using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.SocketMode;

public sealed class SocketDeliveryTests
{
    [Fact]
    public async Task Connect_WithFreshTicket_SendsHelloWithAppIdAndCount()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);

        var hello = await socket.ReceiveAsync();

        Assert.Equal("hello", hello!["type"]!.GetValue<string>());
        Assert.Equal(1, hello["num_connections"]!.GetValue<int>());
        Assert.Equal("A0KITTENBOT", hello["connection_info"]!["app_id"]!.GetValue<string>());
        Assert.NotNull(hello["debug_info"]!["approximate_connection_time"]);
    }

    [Fact]
    public async Task UserMessage_Acked_DeliveredOnceAsSlackEnvelope()
    {
        await using var emulator = await TestEmulator.StartAsync(ackTimeout: TimeSpan.FromMilliseconds(300));
        using var api = new ApiClient(emulator);
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        await socket.ReceiveTypeAsync("hello");

        var ts = await emulator.PostUserMessageAsync("general", "U0ALICE", "hello");
        var envelope = await socket.ReceiveTypeAsync("events_api");
        await socket.AckAsync(envelope!);

        var payload = envelope!["payload"]!;
        var message = payload["event"]!;
        Assert.Equal(0, envelope["retry_attempt"]!.GetValue<int>());
        Assert.Equal("", envelope["retry_reason"]!.GetValue<string>());
        Assert.False(envelope["accepts_response_payload"]!.GetValue<bool>());
        Assert.Equal("event_callback", payload["type"]!.GetValue<string>());
        Assert.Equal("T0EMULATOR", payload["team_id"]!.GetValue<string>());
        Assert.Equal("A0KITTENBOT", payload["api_app_id"]!.GetValue<string>());
        Assert.StartsWith("Ev", payload["event_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("message", message["type"]!.GetValue<string>());
        Assert.Equal("C0GENERAL", message["channel"]!.GetValue<string>());
        Assert.Equal("U0ALICE", message["user"]!.GetValue<string>());
        Assert.Equal(ts, message["ts"]!.GetValue<string>());
        Assert.Equal("channel", message["channel_type"]!.GetValue<string>());
        Assert.Null(await socket.ReceiveTypeAsync("events_api", TimeSpan.FromMilliseconds(900)));
        Assert.True(await Poll.UntilAsync(() => emulator.GetDeliveryStats(TestEmulator.AppId).Acks == 1,
            TimeSpan.FromSeconds(2)), emulator.GetDeliveryStats(TestEmulator.AppId).ToString());
        Assert.Equal(1, emulator.GetDeliveryStats(TestEmulator.AppId).Deliveries);
    }

    [Fact]
    public async Task UserMessage_NeverAcked_RedeliveredWithSameEventIdAndGrowingRetryAttempt()
    {
        await using var emulator = await TestEmulator.StartAsync(TimeSpan.FromMilliseconds(300), maxRetries: 2);
        using var api = new ApiClient(emulator);
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        await socket.ReceiveTypeAsync("hello");

        await emulator.PostUserMessageAsync("general", "U0ALICE", "anyone?");
        var attempts = new[]
        {
            await socket.ReceiveTypeAsync("events_api"),
            await socket.ReceiveTypeAsync("events_api"),
            await socket.ReceiveTypeAsync("events_api"),
        };

        Assert.Equal([0, 1, 2], attempts.Select(a => a!["retry_attempt"]!.GetValue<int>()));
        Assert.Equal(["", "timeout", "timeout"], attempts.Select(a => a!["retry_reason"]!.GetValue<string>()));
        Assert.Single(attempts.Select(a => a!["payload"]!["event_id"]!.GetValue<string>()).Distinct());
        Assert.Null(await socket.ReceiveTypeAsync("events_api", TimeSpan.FromMilliseconds(900)));
        var stats = emulator.GetDeliveryStats(TestEmulator.AppId);
        Assert.Equal((3, 2, 0), (stats.Deliveries, stats.Redeliveries, stats.Acks));
    }

    [Fact]
    public async Task BotPost_AppInChannel_DeliveredBackWithBotIdAndNoSubtype()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        await socket.ReceiveTypeAsync("hello");

        await api.PostFormAsync("chat.postMessage", TestEmulator.BotToken, ("channel", "C0GENERAL"), ("text", "meow"));
        var envelope = await socket.ReceiveTypeAsync("events_api");

        var message = envelope!["payload"]!["event"]!;
        Assert.Equal("B0KITTENBOT", message["bot_id"]!.GetValue<string>());
        Assert.Equal("U0KITTENBOT", message["user"]!.GetValue<string>());
        Assert.Null(message["subtype"]);
        Assert.Equal("meow", message["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserMessage_MentioningBot_AlsoSendsAppMention()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        await socket.ReceiveTypeAsync("hello");

        await emulator.PostUserMessageAsync("general", "U0ALICE", "hi <@U0KITTENBOT>");
        var types = new[] { await socket.ReceiveTypeAsync("events_api"), await socket.ReceiveTypeAsync("events_api") }
            .Select(e => e!["payload"]!["event"]!["type"]!.GetValue<string>()).Order();

        Assert.Equal(["app_mention", "message"], types);
    }

    [Fact]
    public async Task UserJoinsChannel_AppIsMember_SendsMemberJoinedChannel()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var carol = emulator.AddUser("carol");
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        await socket.ReceiveTypeAsync("hello");

        emulator.AddChannelMember("general", carol.Id);
        var joined = (await socket.ReceiveTypeAsync("events_api"))!["payload"]!["event"]!;

        Assert.Equal("member_joined_channel", joined["type"]!.GetValue<string>());
        Assert.Equal(carol.Id, joined["user"]!.GetValue<string>());
        Assert.Equal("C0GENERAL", joined["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task Connect_TicketUsedTwice_SecondUpgradeRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var open = await api.PostFormAsync("apps.connections.open", TestEmulator.AppToken);
        var url = new Uri(open.Body["url"]!.GetValue<string>());
        using var first = new System.Net.WebSockets.ClientWebSocket();
        using var second = new System.Net.WebSockets.ClientWebSocket();

        await first.ConnectAsync(url, CancellationToken.None);

        await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(
            () => second.ConnectAsync(url, CancellationToken.None));
    }
}
