using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.WebApi;

public sealed class ChatMethodsTests : WebApiTestBase
{
    [Theory]
    [InlineData("C0NOPE", "hi", "channel_not_found")]
    [InlineData("", "hi", "channel_not_found")]
    [InlineData("C0GENERAL", "", "no_text")]
    public async Task PostMessage_BadArguments_ReturnsSlackError(string channel, string text, string error)
    {
        var answer = await Post(("channel", channel), ("text", text));

        Assert.Equal(200, answer.Status);
        Assert.Equal(error, answer.Error);
    }

    [Fact]
    public async Task PostMessage_TextOver40000Chars_ReturnsMsgTooLong()
    {
        var answer = await Post(("channel", "C0GENERAL"), ("text", new string('a', 40_001)));

        Assert.Equal("msg_too_long", answer.Error);
    }

    [Fact]
    public async Task PostMessage_ChannelBotNeverJoined_ReturnsNotInChannel()
    {
        var answer = await Post(("channel", "C0RANDOM"), ("text", "hi"));

        Assert.Equal("not_in_channel", answer.Error);
    }

    [Fact]
    public async Task PostMessage_PrivateChannelWithoutBot_ReturnsChannelNotFound()
    {
        var secret = Emulator.AddChannel("secret", isPrivate: true, ["U0ALICE"]);

        var answer = await Post(("channel", secret.Id), ("text", "hi"));

        Assert.Equal("channel_not_found", answer.Error);
    }

    [Fact]
    public async Task PostMessage_ArchivedChannel_ReturnsIsArchived()
    {
        Emulator.ArchiveChannel("general");

        var answer = await Post(("channel", "C0GENERAL"), ("text", "hi"));

        Assert.Equal("is_archived", answer.Error);
    }

    [Fact]
    public async Task PostMessage_JsonBodyByNameWithBlocks_RecordsAndAnswersLikeSlack()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "divider" });
        var body = new JsonObject { ["channel"] = "#general", ["text"] = "meow", ["blocks"] = blocks };

        var answer = await Api.PostJsonAsync("chat.postMessage", TestEmulator.BotToken, body);

        Assert.True(answer.Ok, answer.Body.ToJsonString());
        Assert.Equal("C0GENERAL", answer.Body["channel"]!.GetValue<string>());
        var message = answer.Body["message"]!;
        Assert.Equal("B0KITTENBOT", message["bot_id"]!.GetValue<string>());
        Assert.Equal("U0KITTENBOT", message["user"]!.GetValue<string>());
        Assert.Equal(blocks.ToJsonString(), message["blocks"]!.ToJsonString());
        var stored = Assert.Single(Emulator.GetMessages("general"));
        Assert.Equal(new PostedMessage(answer.Body["ts"]!.GetValue<string>(), "U0KITTENBOT", "B0KITTENBOT",
            "meow", null, "C0GENERAL"), stored);
    }

    [Fact]
    public async Task PostMessage_InThread_RecordsThreadTs()
    {
        var parent = await Emulator.PostUserMessageAsync("general", "U0ALICE", "question");

        var answer = await Post(("channel", "C0GENERAL"), ("text", "answer"), ("thread_ts", parent));

        Assert.Equal(parent, answer.Body["message"]!["thread_ts"]!.GetValue<string>());
        Assert.Equal(parent, Emulator.GetMessages("general")[^1].ThreadTs);
    }

    [Fact]
    public async Task ReactionsAdd_SameReactionTwice_ReturnsAlreadyReacted()
    {
        var ts = await Emulator.PostUserMessageAsync("general", "U0ALICE", "pet the cat");
        (string, string)[] args = [("channel", "C0GENERAL"), ("timestamp", ts), ("name", "cat")];

        var first = await Api.PostFormAsync("reactions.add", TestEmulator.BotToken, args);
        var second = await Api.PostFormAsync("reactions.add", TestEmulator.BotToken, args);

        Assert.True(first.Ok, first.Body.ToJsonString());
        Assert.Equal("already_reacted", second.Error);
        Assert.Equal([new EmulatedReaction("cat", "U0KITTENBOT")], Emulator.GetReactions("general", ts));
    }

    [Fact]
    public async Task ReactionsAdd_UnknownMessage_ReturnsMessageNotFound()
    {
        var answer = await Api.PostFormAsync("reactions.add", TestEmulator.BotToken,
            ("channel", "C0GENERAL"), ("timestamp", "1.000001"), ("name", "cat"));

        Assert.Equal("message_not_found", answer.Error);
    }

    private Task<ApiAnswer> Post(params (string, string)[] args) =>
        Api.PostFormAsync("chat.postMessage", TestEmulator.BotToken, args);
}
