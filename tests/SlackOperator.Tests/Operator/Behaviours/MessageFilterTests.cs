using SlackOperator.Behaviours;
using SlackOperator.Slack.Events;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Tests.Operator.Behaviours;

public sealed class MessageFilterTests
{
    private static readonly AuthIdentity Self = new("UBOT", "BSELF", "kittenbot", "T1", "Cats", null);

    [Fact]
    public void IsAnswerable_PlainMessageFromPerson_True()
    {
        Assert.True(MessageFilter.IsAnswerable(Message(user: "U1"), Self));
    }

    [Fact]
    public void IsAnswerable_OwnMessageByUserId_False()
    {
        Assert.False(MessageFilter.IsAnswerable(Message(user: "UBOT"), Self));
    }

    [Fact]
    public void IsAnswerable_OwnMessageByBotId_False()
    {
        Assert.False(MessageFilter.IsAnswerable(Message(user: null, botId: "BSELF", subtype: "bot_message"), Self));
    }

    [Fact]
    public void IsAnswerable_OtherBotWithUser_False()
    {
        Assert.False(MessageFilter.IsAnswerable(Message(user: "UOTHER", botId: "BOTHER"), Self));
    }

    [Fact]
    public void IsAnswerable_NoAuthor_False()
    {
        Assert.False(MessageFilter.IsAnswerable(Message(user: null), Self));
    }

    [Theory]
    [InlineData("message_changed")]
    [InlineData("message_deleted")]
    [InlineData("channel_join")]
    [InlineData("bot_message")]
    public void IsAnswerable_SystemSubtype_False(string subtype)
    {
        Assert.False(MessageFilter.IsAnswerable(Message(user: "U1", subtype: subtype), Self));
    }

    [Theory]
    [InlineData("thread_broadcast")]
    [InlineData("file_share")]
    [InlineData("me_message")]
    public void IsAnswerable_PersonSaysSomethingNewSubtype_True(string subtype)
    {
        Assert.True(MessageFilter.IsAnswerable(Message(user: "U1", subtype: subtype), Self));
    }

    private static MessageEvent Message(string? user, string? botId = null, string? subtype = null) =>
        new("C1", user, botId, subtype, "hello", "1.2", null, "channel");
}
