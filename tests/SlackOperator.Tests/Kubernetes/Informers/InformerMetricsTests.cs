using System.Net;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SlackOperator.Kubernetes;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Tests.Support;

namespace SlackOperator.Tests.Kubernetes.Informers;

public sealed class InformerMetricsTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    // A resource no other test uses, so measurements from tests running in parallel do not mix in.
    private static readonly ResourceType Widgets = new("test.io", "v1", "metricwidgets", "Widget", true);

    private readonly StubHttpMessageHandler _server = new();
    private readonly MetricRecorder _restarts = new(RuntimeMetrics.MeterName, "informer_watch_restarts_total");
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Patience);
        _stop.Dispose();
        _server.Dispose();
        _restarts.Dispose();
    }

    [Fact]
    public async Task RunAsync_WatchStreamEnds_CountsRestartCausedByEnded()
    {
        _server.RespondJson(List("10")).RespondJson(string.Empty);

        await RunAsync(new FakeTimeProvider());

        await WaitForRestartAsync("ended");
    }

    [Fact]
    public async Task RunAsync_WatchAnswersGone_CountsRestartCausedByExpired()
    {
        _server.RespondJson(List("10")).RespondJson(Gone()).RespondJson(List("20"));

        await RunAsync(new FakeTimeProvider());

        await WaitForRestartAsync("expired");
    }

    [Fact]
    public async Task RunAsync_ListFails_CountsRestartCausedByError()
    {
        var time = new TimerRecordingTimeProvider();
        _server.Respond(HttpStatusCode.InternalServerError, """{"kind":"Status","code":500}""")
            .RespondJson(List("10"));
        _run = CreateSut(time).RunAsync(_stop.Token);

        time.Advance(await time.NextTimerAsync());
        await _server.ScriptDone.WaitAsync(Patience);

        await WaitForRestartAsync("error");
    }

    private async Task RunAsync(TimeProvider time)
    {
        _run = CreateSut(time).RunAsync(_stop.Token);
        await _server.ScriptDone.WaitAsync(Patience);
    }

    // The count is recorded as the loop turns, just after the request that ended it; poll briefly for it.
    private async Task WaitForRestartAsync(string cause)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (_restarts.Sum(("resource", Widgets.Plural), ("cause", cause)) < 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var seen = string.Join("; ", _restarts.Measurements.Select(m => string.Join(",", m.Tags)));
        Assert.True(_restarts.Sum(("resource", Widgets.Plural), ("cause", cause)) >= 1,
            $"no restart with cause {cause}; seen: {seen}");
    }

    private Informer<V1ConfigMap> CreateSut(TimeProvider time)
    {
        var api = new KubernetesApi(
            new Uri("https://kubernetes.test"), new HttpClient(_server), (_, _) => Task.CompletedTask,
            Mock.Of<IKubernetesRequestObserver>());
        return new Informer<V1ConfigMap>(api, Widgets, "ns", new InformerOptions(), time, NullLogger.Instance);
    }

    private static string List(string rv) =>
        $$$"""{"kind":"List","apiVersion":"v1","metadata":{"resourceVersion":"{{{rv}}}"},"items":[]}""";

    private static string Gone() =>
        """{"type":"ERROR","object":{"kind":"Status","status":"Failure","reason":"Expired","code":410}}""" + "\n";
}
