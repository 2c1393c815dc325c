using Microsoft.Extensions.Time.Testing;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Tests.Slack.WebApi;

public sealed class ChannelPacerTests
{
    private const string Token = "xoxb-pacer";

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void WaitTurnAsync_ThreeMessagesAtOnce_AllGoWithoutWaiting()
    {
        var sut = CreateSut();

        var turns = Enumerable.Range(0, 3).Select(_ => sut.WaitTurnAsync(Token, "C1", CancellationToken.None));

        Assert.All(turns, turn => Assert.True(turn.IsCompletedSuccessfully, "a burst of three needs no wait"));
    }

    [Fact]
    public async Task WaitTurnAsync_FourthMessageInTheSameSecond_WaitsOneSecond()
    {
        var sut = CreateSut();
        for (var i = 0; i < 3; i++)
        {
            _ = sut.WaitTurnAsync(Token, "C1", CancellationToken.None);
        }

        var fourth = sut.WaitTurnAsync(Token, "C1", CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        var early = fourth.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(2));

        Assert.False(early, "the fourth message must not go before a second has passed");
    }

    [Fact]
    public void WaitTurnAsync_OtherChannel_IsNotHeldBack()
    {
        var sut = CreateSut();
        for (var i = 0; i < 5; i++)
        {
            _ = sut.WaitTurnAsync(Token, "C1", CancellationToken.None);
        }

        var other = sut.WaitTurnAsync(Token, "C2", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully, "each channel has its own pace");
    }

    [Fact]
    public void WaitTurnAsync_AfterAQuietSpell_BurstIsAvailableAgain()
    {
        var sut = CreateSut();
        for (var i = 0; i < 5; i++)
        {
            _ = sut.WaitTurnAsync(Token, "C1", CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromSeconds(10));
        var turns = Enumerable.Range(0, 3).Select(_ => sut.WaitTurnAsync(Token, "C1", CancellationToken.None));

        Assert.All(turns, turn => Assert.True(turn.IsCompletedSuccessfully, "the burst refills while idle"));
    }

    private ChannelPacer CreateSut() => new(_time);
}
