using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.WebApi;

public sealed class ConversationsMethodsTests : WebApiTestBase
{
    [Fact]
    public async Task List_LimitTwo_PagesThroughEveryPublicChannelWithCursors()
    {
        Emulator.AddChannel("c3");
        Emulator.AddChannel("c4");
        Emulator.AddChannel("c5");
        Emulator.AddChannel("hidden", isPrivate: true);
        var names = new List<string>();
        var cursor = "";

        for (var page = 0; page < 10; page++)
        {
            var answer = await Call("conversations.list", ("limit", "2"), ("cursor", cursor));
            Assert.True(answer.Ok, answer.Body.ToJsonString());
            names.AddRange(answer.Body["channels"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
            cursor = answer.Body["response_metadata"]!["next_cursor"]!.GetValue<string>();
            if (cursor.Length == 0)
            {
                break;
            }
        }

        Assert.Equal(["general", "random", "c3", "c4", "c5"], names);
    }

    [Fact]
    public async Task List_PrivateTypeBotIsMemberOf_IncludesOnlyThatPrivateChannel()
    {
        Emulator.AddChannel("ours", isPrivate: true, ["U0KITTENBOT"]);
        Emulator.AddChannel("theirs", isPrivate: true, ["U0ALICE"]);

        var answer = await Call("conversations.list", ("types", "private_channel"));

        var channel = Assert.Single(answer.Body["channels"]!.AsArray());
        Assert.Equal("ours", channel!["name"]!.GetValue<string>());
        Assert.True(channel["is_private"]!.GetValue<bool>());
    }

    [Fact]
    public async Task List_ForeignCursor_ReturnsInvalidCursor()
    {
        var answer = await Call("conversations.list", ("cursor", "bm9wZQ=="));

        Assert.Equal("invalid_cursor", answer.Error);
    }

    [Fact]
    public async Task Info_ReadByGetWithQueryToken_ReturnsChannelWithMembership()
    {
        var answer = await Api.GetAsync("conversations.info", $"channel=C0GENERAL&token={TestEmulator.BotToken}");

        Assert.True(answer.Ok, answer.Body.ToJsonString());
        Assert.Equal("general", answer.Body["channel"]!["name"]!.GetValue<string>());
        Assert.True(answer.Body["channel"]!["is_member"]!.GetValue<bool>());
        Assert.True(answer.Body["channel"]!["is_general"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Info_PrivateChannelBotIsNotIn_ReturnsChannelNotFound()
    {
        var secret = Emulator.AddChannel("secret", isPrivate: true, ["U0ALICE"]);

        var answer = await Call("conversations.info", ("channel", secret.Id));

        Assert.Equal("channel_not_found", answer.Error);
    }

    [Fact]
    public async Task Join_NewChannel_MakesBotMemberThenWarnsAlreadyInChannel()
    {
        var first = await Call("conversations.join", ("channel", "C0RANDOM"));
        var second = await Call("conversations.join", ("channel", "C0RANDOM"));

        Assert.True(first.Ok, first.Body.ToJsonString());
        Assert.Null(first.Body["warning"]);
        Assert.True(first.Body["channel"]!["is_member"]!.GetValue<bool>());
        Assert.True(second.Ok);
        Assert.Equal("already_in_channel", second.Body["warning"]!.GetValue<string>());
        Assert.Equal("already_in_channel", second.Body["response_metadata"]!["warnings"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Join_PrivateChannel_ReturnsMethodNotSupported()
    {
        var ours = Emulator.AddChannel("ours", isPrivate: true, ["U0KITTENBOT"]);

        var answer = await Call("conversations.join", ("channel", ours.Id));

        Assert.Equal("method_not_supported_for_channel_type", answer.Error);
    }

    [Fact]
    public async Task UsersInfo_KnownAndUnknownUser_ReturnsUserOrUserNotFound()
    {
        var alice = await Call("users.info", ("user", "U0ALICE"));
        var nobody = await Call("users.info", ("user", "U0NOBODY"));

        Assert.Equal("alice", alice.Body["user"]!["name"]!.GetValue<string>());
        Assert.False(alice.Body["user"]!["is_bot"]!.GetValue<bool>());
        Assert.Equal("user_not_found", nobody.Error);
    }

    private Task<ApiAnswer> Call(string method, params (string, string)[] args) =>
        Api.PostFormAsync(method, TestEmulator.BotToken, args);
}
