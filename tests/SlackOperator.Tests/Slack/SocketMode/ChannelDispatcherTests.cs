using System.Collections.Concurrent;
using System.Text.Json;
using SlackOperator.Slack.SocketMode;

namespace SlackOperator.Tests.Slack.SocketMode;

public sealed class ChannelDispatcherTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _handled = new();
    private readonly ConcurrentQueue<string> _failed = new();
    private readonly TaskCompletionSource _releaseBusy = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => _stop.Dispose();

    [Fact]
    public async Task TryPost_FloodInOneChannel_AnotherChannelIsHandledMeanwhile()
    {
        var sut = CreateSut(maxConcurrent: 2);
        for (var i = 0; i < 20; i++)
        {
            sut.TryPost(Event($"busy{i}", "CBUSY"));
        }

        sut.TryPost(Event("quiet", "CQUIET"));

        await WaitUntilAsync(() => _handled.Contains("quiet"));
        Assert.DoesNotContain("busy1", _handled);
        _releaseBusy.SetResult();
        await sut.CompleteAsync().WaitAsync(Patience);
        Assert.Equal(21, _handled.Count);
    }

    [Fact]
    public async Task TryPost_OneChannel_HandledInArrivalOrder()
    {
        _releaseBusy.SetResult();
        var sut = CreateSut(maxConcurrent: 8);
        var ids = Enumerable.Range(0, 50).Select(i => $"e{i}").ToList();

        ids.ForEach(id => sut.TryPost(Event(id, "C1")));
        await sut.CompleteAsync().WaitAsync(Patience);

        Assert.Equal(ids, _handled);
    }

    [Fact]
    public async Task TryPost_HandlerFails_ReportedAndTheNextStillHandled()
    {
        _releaseBusy.SetResult();
        var sut = CreateSut(maxConcurrent: 1);

        sut.TryPost(Event("boom", "C1"));
        sut.TryPost(Event("after", "C1"));
        await sut.CompleteAsync().WaitAsync(Patience);

        Assert.Equal(["boom"], _failed);
        Assert.Contains("after", _handled);
    }

    [Fact]
    public async Task CompleteAsync_StoppedWhileBusy_DropsTheRestAndCompletes()
    {
        var sut = CreateSut(maxConcurrent: 1);
        sut.TryPost(Event("busy0", "CBUSY"));
        sut.TryPost(Event("busy1", "CBUSY"));

        await _stop.CancelAsync();
        await sut.CompleteAsync().WaitAsync(Patience);

        Assert.DoesNotContain("busy1", _handled);
        Assert.False(sut.TryPost(Event("late", "C1")));
    }

    private ChannelDispatcher CreateSut(int maxConcurrent) => new(maxConcurrent, HandleAsync,
        (slackEvent, _) => _failed.Enqueue(slackEvent.EventId), _stop.Token);

    private async Task HandleAsync(SocketModeEvent slackEvent, CancellationToken token)
    {
        if (slackEvent.EventId == "boom")
        {
            throw new InvalidOperationException("handler broke");
        }

        if (slackEvent.EventId.StartsWith("busy", StringComparison.Ordinal))
        {
            await _releaseBusy.Task.WaitAsync(token);
        }

        _handled.Enqueue(slackEvent.EventId);
    }

    private static SocketModeEvent Event(string id, string channel) =>
        new(id, JsonDocument.Parse($$"""{"type":"message","channel":"{{channel}}"}""").RootElement.Clone(), 0);

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (var waited = 0; !done() && waited < 250; waited++)
        {
            await Task.Delay(20);
        }

        Assert.True(done(), "not reached in 5 s");
    }
}
