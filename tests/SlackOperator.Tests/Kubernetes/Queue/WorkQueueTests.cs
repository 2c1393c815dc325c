using SlackOperator.Kubernetes.Queue;
using SlackOperator.Tests.Support;

namespace SlackOperator.Tests.Kubernetes.Queue;

public sealed class WorkQueueTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private readonly TimerRecordingTimeProvider _time = new();
    private readonly List<WorkQueue> _queues = [];

    public void Dispose()
    {
        foreach (var queue in _queues)
        {
            queue.Dispose();
        }
    }

    [Fact]
    public void Add_SameKeyTwice_QueuesItOnce()
    {
        var queue = CreateSut();

        queue.Add("ns/a");
        queue.Add("ns/a");

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task TakeAsync_KeysAdded_HandsThemOutInOrder()
    {
        var queue = CreateSut();
        queue.Add("ns/a");
        queue.Add("ns/b");

        var first = await TakeAsync(queue);
        var second = await TakeAsync(queue);

        Assert.Equal("ns/a,ns/b", string.Join(",", first, second));
    }

    [Fact]
    public async Task TakeAsync_KeyReAddedWhileProcessing_NotHandedOutBeforeDone()
    {
        var queue = CreateSut();
        queue.Add("ns/a");
        await TakeAsync(queue);

        queue.Add("ns/a");
        var next = queue.TakeAsync(CancellationToken.None);

        Assert.False(next.IsCompleted, "the key was handed out again while it was still being processed");
        queue.Done("ns/a");
        Assert.Equal("ns/a", await next.WaitAsync(Patience));
    }

    [Fact]
    public async Task Done_KeyReAddedWhileProcessing_QueuesItAgain()
    {
        var queue = CreateSut();
        queue.Add("ns/a");
        await TakeAsync(queue);
        queue.Add("ns/a");

        queue.Done("ns/a");

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task Done_KeyNotReAdded_LeavesQueueEmpty()
    {
        var queue = CreateSut();
        queue.Add("ns/a");
        await TakeAsync(queue);

        queue.Done("ns/a");

        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public void AddAfter_DelayNotYetPassed_KeyWaits()
    {
        var queue = CreateSut();

        queue.AddAfter("ns/a", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromMilliseconds(999));

        Assert.Equal((0, 1), (queue.Depth, queue.DelayedCount));
    }

    [Fact]
    public void AddAfter_ClockAdvancedPastDelay_QueuesKey()
    {
        var queue = CreateSut();

        queue.AddAfter("ns/a", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((1, 0), (queue.Depth, queue.DelayedCount));
    }

    [Fact]
    public void AddAfter_ShorterDelayAddedLater_ShorterDelayWins()
    {
        var queue = CreateSut();

        queue.AddAfter("ns/a", TimeSpan.FromSeconds(10));
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public void AddAfter_LongerDelayAddedLater_DoesNotPostponeEarlierOne()
    {
        var queue = CreateSut();

        queue.AddAfter("ns/a", TimeSpan.FromSeconds(1));
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task AddRateLimited_RepeatedFailures_DoublesDelayFromFiveMilliseconds()
    {
        var queue = CreateSut();
        var delays = new List<double>();

        for (var i = 0; i < 4; i++)
        {
            queue.AddRateLimited("ns/a");
            var due = await _time.NextTimerAsync();
            delays.Add(due.TotalMilliseconds);
            _time.Advance(due);
        }

        Assert.Equal([5, 10, 20, 40], delays);
    }

    [Fact]
    public async Task AddRateLimited_OtherKeyFailed_HasItsOwnBackoff()
    {
        var queue = CreateSut();
        queue.AddRateLimited("ns/a");
        _time.Advance(await _time.NextTimerAsync());
        queue.AddRateLimited("ns/a");
        _time.Advance(await _time.NextTimerAsync());

        queue.AddRateLimited("ns/b");

        Assert.Equal(TimeSpan.FromMilliseconds(5), await _time.NextTimerAsync());
    }

    [Fact]
    public async Task Forget_AfterFailures_ResetsBackoff()
    {
        var queue = CreateSut();
        queue.AddRateLimited("ns/a");
        _time.Advance(await _time.NextTimerAsync());
        queue.AddRateLimited("ns/a");
        _time.Advance(await _time.NextTimerAsync());

        queue.Forget("ns/a");
        queue.AddRateLimited("ns/a");

        Assert.Equal((TimeSpan.FromMilliseconds(5), 1), (await _time.NextTimerAsync(), queue.Requeues("ns/a")));
    }

    [Fact]
    public async Task TakeAsync_ShutDownWhileWaiting_ReturnsNull()
    {
        var queue = CreateSut();
        var take = queue.TakeAsync(CancellationToken.None);

        queue.ShutDown();

        Assert.Null(await take.WaitAsync(Patience));
    }

    [Fact]
    public async Task TakeAsync_ShutDownWithKeysLeft_DrainsThemThenReturnsNull()
    {
        var queue = CreateSut();
        queue.Add("ns/a");
        queue.ShutDown();

        var first = await TakeAsync(queue);
        var second = await TakeAsync(queue);

        Assert.Equal(("ns/a", (string?)null), (first, second));
    }

    [Fact]
    public void Add_AfterShutDown_IsIgnored()
    {
        var queue = CreateSut();
        queue.ShutDown();

        queue.Add("ns/a");

        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public void ShutDown_KeysDelayed_DropsThem()
    {
        var queue = CreateSut();
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(1));

        queue.ShutDown();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((0, 0), (queue.Depth, queue.DelayedCount));
    }

    private static async Task<string?> TakeAsync(WorkQueue queue) =>
        await queue.TakeAsync(CancellationToken.None).WaitAsync(Patience);

    private WorkQueue CreateSut()
    {
        var queue = new WorkQueue(new WorkQueueOptions(), _time);
        _queues.Add(queue);
        return queue;
    }
}
