using Moq;
using SlackOperator.Bots;
using SlackOperator.Entities;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Tests.Operator.Bots;

public sealed class ChannelResolverTests
{
    private const string Token = "xoxb-test";

    private readonly Mock<ISlackWebApi> _api = new(MockBehavior.Strict);

    [Theory]
    [InlineData("general")]
    [InlineData("General")]
    public async Task ResolveAsync_NameInAnyCase_FindsTheLowerCaseSlackChannel(string declared)
    {
        ListReturns(new Conversation("C0GENERAL", "general", IsMember: true, IsPrivate: false, IsArchived: false));

        var seen = await ResolveAsync(new ChannelSpec { Name = declared });

        Assert.Equal(("C0GENERAL", true, null), (seen.Id, seen.Member, seen.Reason));
    }

    [Fact]
    public async Task ResolveAsync_UnknownName_ChannelNotFoundSaysWhatToCheck()
    {
        ListReturns(new Conversation("C0GENERAL", "general", IsMember: true, IsPrivate: false, IsArchived: false));

        var seen = await ResolveAsync(new ChannelSpec { Name = "random" });

        Assert.Equal(("ChannelNotFound", false), (seen.Reason, seen.Member));
        Assert.Contains("invite the bot", seen.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_SameChannelByNameAndById_SecondEntrySaysItIsADuplicate()
    {
        ListReturns(new Conversation("C0GENERAL", "general", IsMember: true, IsPrivate: false, IsArchived: false));

        var seen = await new ChannelResolver(_api.Object).ResolveAsync(Token,
            [new ChannelSpec { Name = "general" }, new ChannelSpec { Id = "C0GENERAL" }], CancellationToken.None);

        Assert.Equal((true, null), (seen[0].Member, seen[0].Reason));
        Assert.Equal((false, "DuplicateChannel"), (seen[1].Member, seen[1].Reason));
        Assert.Contains("same channel as spec.channels[0] (#general)", seen[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_AllDeclaredById_ReadsEachWithoutListingTheWorkspace()
    {
        _api.Setup(a => a.GetConversationAsync(Token, "C0GENERAL", It.IsAny<CancellationToken>()))
            .ReturnsAsync(SlackResult<Conversation>.Ok(new Conversation("C0GENERAL", "general", true, false, false)));
        _api.Setup(a => a.GetConversationAsync(Token, "C0GONE", It.IsAny<CancellationToken>()))
            .ReturnsAsync(SlackResult<Conversation>.Fail(new SlackError("channel_not_found")));

        var seen = await new ChannelResolver(_api.Object).ResolveAsync(Token,
            [new ChannelSpec { Id = "C0GENERAL" }, new ChannelSpec { Id = "C0GONE" }], CancellationToken.None);

        Assert.Equal((true, "general"), (seen[0].Member, seen[0].Name));
        Assert.Equal((false, "ChannelNotFound"), (seen[1].Member, seen[1].Reason));
        _api.Verify(a => a.ListConversationsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    private void ListReturns(params Conversation[] conversations) =>
        _api.Setup(a => a.ListConversationsAsync(Token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(SlackResult<IReadOnlyList<Conversation>>.Ok(conversations));

    private async Task<ChannelObservation> ResolveAsync(ChannelSpec channel) =>
        Assert.Single(await new ChannelResolver(_api.Object).ResolveAsync(Token, [channel], CancellationToken.None));
}
