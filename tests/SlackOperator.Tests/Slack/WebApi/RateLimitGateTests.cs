using Microsoft.Extensions.Time.Testing;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Tests.Slack.WebApi;

public sealed class RateLimitGateTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void RemainingWait_NothingBlocked_IsZero()
    {
        var sut = CreateSut();

        Assert.Equal(TimeSpan.Zero, sut.RemainingWait("xoxb-a", "chat.postMessage"));
    }

    [Fact]
    public void RemainingWait_AfterBlock_CountsDownWithTheClock()
    {
        var sut = CreateSut();
        sut.Block("xoxb-a", "chat.postMessage", TimeSpan.FromSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(20), sut.RemainingWait("xoxb-a", "chat.postMessage"));
    }

    [Fact]
    public void RemainingWait_OtherTokenOrMethod_IsNotBlocked()
    {
        var sut = CreateSut();
        sut.Block("xoxb-a", "chat.postMessage", TimeSpan.FromSeconds(30));

        var waits = (sut.RemainingWait("xoxb-b", "chat.postMessage"), sut.RemainingWait("xoxb-a", "auth.test"));

        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), waits);
    }

    [Fact]
    public void Block_ShorterAfterLonger_KeepsTheLonger()
    {
        var sut = CreateSut();
        sut.Block("xoxb-a", "reactions.add", TimeSpan.FromSeconds(30));

        sut.Block("xoxb-a", "reactions.add", TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(30), sut.RemainingWait("xoxb-a", "reactions.add"));
    }

    private RateLimitGate CreateSut() => new(_time);
}
