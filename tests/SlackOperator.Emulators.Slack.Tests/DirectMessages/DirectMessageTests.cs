using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.DirectMessages;

/// <summary>IMs between a person and a bot user: opened by conversations.open or the control API.</summary>
public sealed class DirectMessageTests
{
    private const string Alice = "U0ALICE";
    private const string Kittenbot = "U0KITTENBOT";

    [Fact]
    public async Task OpenDirectMessage_SamePairTwice_ReturnsOneImWithDId()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var first = emulator.OpenDirectMessage(Alice, Kittenbot);
        var second = emulator.OpenDirectMessage(Alice, Kittenbot);
        var withBob = emulator.OpenDirectMessage("U0BOB", Kittenbot);

        Assert.StartsWith("D", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.NotEqual(first, withBob);
    }

    [Fact]
    public async Task ConversationsOpen_UsersParam_OpensImThenReturnsTheExistingOne()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);

        var opened = await api.PostFormAsync("conversations.open", TestEmulator.BotToken, ("users", Alice));
        var again = await api.PostFormAsync("conversations.open", TestEmulator.BotToken, ("users", Alice));

        Assert.True(opened.Ok, opened.Body.ToJsonString());
        var id = opened.Body["channel"]!["id"]!.GetValue<string>();
        Assert.StartsWith("D", id, StringComparison.Ordinal);
        Assert.Null(opened.Body["already_open"]);
        Assert.Equal(id, again.Body["channel"]!["id"]!.GetValue<string>());
        Assert.True(again.Body["already_open"]!.GetValue<bool>());
        Assert.True(again.Body["no_op"]!.GetValue<bool>());
        Assert.Equal(id, emulator.OpenDirectMessage(Alice, Kittenbot));
    }

    [Fact]
    public async Task ConversationsOpen_ReturnIm_DescribesImWithTheOtherParty()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var id = emulator.OpenDirectMessage(Alice, Kittenbot);

        var opened = await api.PostJsonAsync("conversations.open", TestEmulator.BotToken,
            new JsonObject { ["users"] = Alice, ["return_im"] = true });
        var resumed = await api.PostFormAsync("conversations.open", TestEmulator.BotToken, ("channel", id));

        var channel = opened.Body["channel"]!;
        Assert.Equal(id, channel["id"]!.GetValue<string>());
        Assert.True(channel["is_im"]!.GetValue<bool>());
        Assert.Equal(Alice, channel["user"]!.GetValue<string>());
        Assert.Null(channel["name"]);
        Assert.Equal(id, resumed.Body["channel"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConversationsOpen_NoUserUnknownUserOrBot_AnswersSlackErrors()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var other = emulator.AddApp("dogbot");

        var none = await api.PostFormAsync("conversations.open", TestEmulator.BotToken);
        var unknown = await api.PostFormAsync("conversations.open", TestEmulator.BotToken, ("users", "U0NOBODY"));
        var bot = await api.PostFormAsync("conversations.open", TestEmulator.BotToken, ("users", other.BotUserId));
        var notIm = await api.PostFormAsync("conversations.open", TestEmulator.BotToken, ("channel", "C0GENERAL"));

        Assert.Equal("users_list_not_supplied", none.Error);
        Assert.Equal("user_not_found", unknown.Error);
        Assert.Equal("cannot_dm_bot", bot.Error);
        Assert.Equal("channel_not_found", notIm.Error);
    }

    [Fact]
    public async Task ConversationsOpen_WithoutWriteScope_MissingScope()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        emulator.SetBotScopes(TestEmulator.AppId, ["chat:write", "im:read"]);

        var answer = await api.PostFormAsync("conversations.open", TestEmulator.BotToken, ("users", Alice));

        Assert.Equal("missing_scope", answer.Error);
        Assert.Contains("im:write", answer.Body["needed"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserMessageInIm_BotConnected_DeliveredAsImMessageWithoutAppMention()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        await using var socket = await SocketClient.ConnectAsync(emulator, api, TestEmulator.AppToken);
        await socket.ReceiveTypeAsync("hello");
        var im = emulator.OpenDirectMessage(Alice, Kittenbot);

        var ts = await emulator.PostUserMessageAsync(im, Alice, $"<@{Kittenbot}> psst");
        var envelope = await socket.ReceiveTypeAsync("events_api");
        await socket.AckAsync(envelope!);

        var message = envelope!["payload"]!["event"]!;
        Assert.Equal("message", message["type"]!.GetValue<string>());
        Assert.Equal(im, message["channel"]!.GetValue<string>());
        Assert.Equal("im", message["channel_type"]!.GetValue<string>());
        Assert.Equal(Alice, message["user"]!.GetValue<string>());
        Assert.Equal(ts, message["ts"]!.GetValue<string>());
        Assert.Null(await socket.ReceiveTypeAsync("events_api", TimeSpan.FromMilliseconds(900)));
    }

    [Fact]
    public async Task ChatPostMessage_ToImId_StoredThereAndOnlyItsBotMayPost()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var other = emulator.AddApp("dogbot");
        var im = emulator.OpenDirectMessage(Alice, Kittenbot);

        var posted = await api.PostFormAsync("chat.postMessage", TestEmulator.BotToken,
            ("channel", im), ("text", "hello Alice"));
        var stranger = await api.PostFormAsync("chat.postMessage", other.BotToken, ("channel", im), ("text", "hi"));

        Assert.True(posted.Ok, posted.Body.ToJsonString());
        Assert.Equal(im, posted.Body["channel"]!.GetValue<string>());
        Assert.Equal("channel_not_found", stranger.Error);
        var stored = Assert.Single(emulator.GetMessages(im));
        Assert.Equal(("hello Alice", Kittenbot), (stored.Text, stored.User));
    }

    [Fact]
    public async Task ConversationsInfoAndList_Im_ShownOnlyAsImToItsMember()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var other = emulator.AddApp("dogbot");
        var im = emulator.OpenDirectMessage(Alice, Kittenbot);

        var info = await api.PostFormAsync("conversations.info", TestEmulator.BotToken, ("channel", im));
        var ims = await api.PostFormAsync("conversations.list", TestEmulator.BotToken, ("types", "im"));
        var channels = await api.PostFormAsync("conversations.list", TestEmulator.BotToken,
            ("types", "public_channel,private_channel"));
        var strangerInfo = await api.PostFormAsync("conversations.info", other.BotToken, ("channel", im));
        var join = await api.PostFormAsync("conversations.join", other.BotToken, ("channel", im));

        Assert.True(info.Body["channel"]!["is_im"]!.GetValue<bool>());
        Assert.Equal(Alice, info.Body["channel"]!["user"]!.GetValue<string>());
        Assert.Equal([im], Ids(ims));
        Assert.DoesNotContain(im, Ids(channels));
        Assert.Equal("channel_not_found", strangerInfo.Error);
        Assert.Equal("channel_not_found", join.Error);
    }

    [Fact]
    public async Task PostUserMessage_NonMemberInIm_RefusedAndNobodyJoins()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var im = emulator.OpenDirectMessage(Alice, Kittenbot);

        await Assert.ThrowsAsync<InvalidOperationException>(() => emulator.PostUserMessageAsync(im, "U0BOB", "hi"));
        Assert.Throws<InvalidOperationException>(() => emulator.AddChannelMember(im, "U0BOB"));
        Assert.Empty(emulator.GetMessages(im));
    }

    [Fact]
    public async Task ControlIms_OpenThenPost_SameImAndMessageRecorded()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        using var http = new HttpClient();

        var opened = await api.ControlAsync("ims", new() { ["user"] = Alice, ["bot_user"] = Kittenbot });
        var im = opened["channel"]!.GetValue<string>();
        await api.ControlAsync("messages", new() { ["channel"] = im, ["user"] = Alice, ["text"] = "from curl" });
        using var unknown = await http.PostAsync(new Uri(emulator.BaseUrl, "_emulator/ims"), new StringContent(
            new JsonObject { ["user"] = "U0NOBODY", ["bot_user"] = Kittenbot }.ToJsonString()));

        Assert.Equal(emulator.OpenDirectMessage(Alice, Kittenbot), im);
        Assert.Equal("from curl", Assert.Single(emulator.GetMessages(im)).Text);
        Assert.Equal(404, (int)unknown.StatusCode);
    }

    private static string[] Ids(ApiAnswer answer) =>
        [.. answer.Body["channels"]!.AsArray().Select(c => c!["id"]!.GetValue<string>())];
}
