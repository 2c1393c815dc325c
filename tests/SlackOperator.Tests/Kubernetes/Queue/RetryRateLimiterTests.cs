using Microsoft.Extensions.Time.Testing;
using SlackOperator.Kubernetes.Queue;

namespace SlackOperator.Tests.Kubernetes.Queue;

public sealed class RetryRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void NextDelay_RepeatedFailures_DoublesFromBaseDelay()
    {
        var limiter = CreateSut();

        var delays = Enumerable.Range(0, 5).Select(_ => limiter.NextDelay("ns/a").TotalMilliseconds).ToList();

        Assert.Equal([5, 10, 20, 40, 80], delays);
    }

    [Fact]
    public void NextDelay_ManyFailures_CappedAtMaxRetryDelay()
    {
        var limiter = CreateSut(new WorkQueueOptions { MaxRetryDelay = TimeSpan.FromMilliseconds(30) });

        var delays = Enumerable.Range(0, 5).Select(_ => limiter.NextDelay("ns/a").TotalMilliseconds).ToList();

        Assert.Equal([5, 10, 20, 30, 30], delays);
    }

    [Fact]
    public void Forget_AfterFailures_StartsAgainFromBaseDelay()
    {
        var limiter = CreateSut();
        limiter.NextDelay("ns/a");
        limiter.NextDelay("ns/a");

        limiter.Forget("ns/a");

        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.NextDelay("ns/a"));
    }

    [Fact]
    public void NextDelay_BurstUsedUp_WaitsForTokenBucket()
    {
        var limiter = CreateSut(new WorkQueueOptions { RetryBurst = 1, RetriesPerSecond = 10 });
        limiter.NextDelay("ns/a");

        var delay = limiter.NextDelay("ns/b");

        Assert.Equal(TimeSpan.FromMilliseconds(100), delay);
    }

    [Fact]
    public void NextDelay_BucketRefilledByClock_UsesPerKeyDelayAgain()
    {
        var limiter = CreateSut(new WorkQueueOptions { RetryBurst = 1, RetriesPerSecond = 10 });
        limiter.NextDelay("ns/a");

        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.NextDelay("ns/b"));
    }

    private RetryRateLimiter CreateSut(WorkQueueOptions? options = null) => new(options ?? new(), _time);
}
