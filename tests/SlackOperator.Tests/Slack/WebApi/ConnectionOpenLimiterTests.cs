using SlackOperator.Slack.WebApi;

namespace SlackOperator.Tests.Slack.WebApi;

public sealed class ConnectionOpenLimiterTests
{
    [Theory]
    [InlineData(20, 2, 100)]
    [InlineData(50, 5, 100)]
    [InlineData(1, 1, 1000)]
    [InlineData(5, 1, 200)]
    public void CreateOpenLimiter_PerSecond_BurstIsATenthAndRefillKeepsTheRate(
        int perSecond, int burst, int sliceMilliseconds)
    {
        using var sut = SlackWebApi.CreateOpenLimiter(perSecond);

        var granted = Enumerable.Range(0, perSecond).Count(_ => sut.AttemptAcquire(1).IsAcquired);

        Assert.Equal(burst, granted);
        Assert.Equal(TimeSpan.FromMilliseconds(sliceMilliseconds), sut.ReplenishmentPeriod);
    }
}
