using System.Threading.Channels;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Controllers;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Kubernetes.Queue;
using SlackOperator.Tests.Support;

namespace SlackOperator.Tests.Kubernetes.Controllers;

public sealed class ControllerTests : IAsyncLifetime
{
    private const string Key = "ns/a";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    private static readonly ResourceType ConfigMaps = new(string.Empty, "v1", "configmaps", "ConfigMap", true);

    private readonly StubHttpMessageHandler _server = new();
    private readonly TimerRecordingTimeProvider _time = new();
    private readonly Mock<IEntityController<V1ConfigMap>> _reconciler = new();
    private readonly Channel<int> _reconciles = Channel.CreateUnbounded<int>();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private WorkQueue? _queue;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running).WaitAsync(Patience);
        _queue?.Dispose();
        _stop.Dispose();
        _server.Dispose();
    }

    [Fact]
    public void OnUpdated_StatusOnlyChange_DoesNotQueue()
    {
        var (controller, queue) = CreateSut();

        controller.OnUpdated(ConfigMap(generation: 1, resourceVersion: "1"), ConfigMap(1, "2"));

        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public void OnUpdated_GenerationChanged_QueuesKey()
    {
        var (controller, queue) = CreateSut();

        controller.OnUpdated(ConfigMap(1, "1"), ConfigMap(2, "2"));

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public void OnUpdated_LabelChanged_QueuesKey()
    {
        var (controller, queue) = CreateSut();
        var changed = ConfigMap(1, "2");
        changed.Metadata.Labels = new Dictionary<string, string> { ["team"] = "cats" };

        controller.OnUpdated(ConfigMap(1, "1"), changed);

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public void OnUpdated_AnnotationChanged_QueuesKey()
    {
        var (controller, queue) = CreateSut();
        var changed = ConfigMap(1, "2");
        changed.Metadata.Annotations = new Dictionary<string, string> { ["note"] = "x" };

        controller.OnUpdated(ConfigMap(1, "1"), changed);

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public void OnUpdated_DeletionMarked_QueuesKey()
    {
        var (controller, queue) = CreateSut();
        var deleting = ConfigMap(1, "2");
        deleting.Metadata.DeletionTimestamp = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        controller.OnUpdated(ConfigMap(1, "1"), deleting);

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task RunAsync_ObjectListed_ReconcilesIt()
    {
        ReconcileReturns(ReconcileResult.Done);
        StartController();

        await NextReconcileAsync();

        _reconciler.Verify(r => r.ReconcileAsync(
            It.Is<V1ConfigMap>(c => c.Metadata.Name == "a"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_RunAgainAfterCancel_ReconcilesEveryCachedObjectAgain()
    {
        ReconcileReturns(ReconcileResult.Done);
        _server.RespondJson(List(ConfigMapJson()));
        var (informer, controller, _) = Create();
        _running.Add(informer.RunAsync(_stop.Token));
        using (var firstTerm = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
        {
            var first = controller.RunAsync(firstTerm.Token);
            await NextReconcileAsync();
            await firstTerm.CancelAsync();
            await first.WaitAsync(Patience);
        }

        _running.Add(controller.RunAsync(_stop.Token));

        Assert.Equal(2, await NextReconcileAsync());
    }

    [Fact]
    public async Task RunAsync_ReconcileAsksForBackoff_RequeuesAfterFirstBackoffDelay()
    {
        ReconcileReturns(ReconcileResult.Backoff("waiting"), ReconcileResult.Done);
        StartController();
        await NextReconcileAsync();

        var delay = await _time.NextTimerAsync();
        _time.Advance(delay);

        Assert.Equal((TimeSpan.FromMilliseconds(5), 2), (delay, await NextReconcileAsync()));
    }

    [Fact]
    public async Task RunAsync_ReconcileThrows_RetriesWithBackoff()
    {
        var calls = 0;
        _reconciler.Setup(r => r.ReconcileAsync(It.IsAny<V1ConfigMap>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                var call = Interlocked.Increment(ref calls);
                _reconciles.Writer.TryWrite(call);
                return call == 1
                    ? Task.FromException<ReconcileResult>(new InvalidOperationException("boom"))
                    : Task.FromResult(ReconcileResult.Done);
            });
        StartController();
        await NextReconcileAsync();

        var delay = await _time.NextTimerAsync();
        _time.Advance(delay);

        Assert.Equal((TimeSpan.FromMilliseconds(5), 2), (delay, await NextReconcileAsync()));
    }

    [Fact]
    public async Task RunAsync_ReconcileAsksForRequeueAfter_ReconcilesAgainAfterThatDelay()
    {
        ReconcileReturns(ReconcileResult.After(TimeSpan.FromMinutes(5)), ReconcileResult.Done);
        StartController();
        await NextReconcileAsync();

        var delay = await _time.NextTimerAsync();
        _time.Advance(delay);

        Assert.Equal((TimeSpan.FromMinutes(5), 2), (delay, await NextReconcileAsync()));
    }

    [Fact]
    public async Task RunAsync_KeyNotInCache_CallsDeleted()
    {
        var deleted = new TaskCompletionSource<EntityKey>(TaskCreationOptions.RunContinuationsAsynchronously);
        _reconciler.Setup(r => r.DeletedAsync(It.IsAny<EntityKey>(), It.IsAny<CancellationToken>()))
            .Callback((EntityKey key, CancellationToken _) => deleted.TrySetResult(key))
            .Returns(Task.CompletedTask);
        var (controller, _) = StartControllerWithList(List());

        controller.Enqueue(new EntityKey("ns", "gone"));

        Assert.Equal(new EntityKey("ns", "gone"), await deleted.Task.WaitAsync(Patience));
    }

    private void ReconcileReturns(params ReconcileResult[] results)
    {
        var calls = 0;
        _reconciler.Setup(r => r.ReconcileAsync(It.IsAny<V1ConfigMap>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                var call = Interlocked.Increment(ref calls);
                _reconciles.Writer.TryWrite(call);
                return Task.FromResult(results[Math.Min(call, results.Length) - 1]);
            });
    }

    /// <summary>Waits for the next reconcile and returns its number (1 for the first).</summary>
    private async Task<int> NextReconcileAsync() => await _reconciles.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    private void StartController() => StartControllerWithList(List(ConfigMapJson()));

    private (Controller<V1ConfigMap> Controller, WorkQueue Queue) StartControllerWithList(string list)
    {
        _server.RespondJson(list);
        var (informer, controller, queue) = Create();
        _running.Add(informer.RunAsync(_stop.Token));
        _running.Add(controller.RunAsync(_stop.Token));
        return (controller, queue);
    }

    private (IInformerHandler<V1ConfigMap> Handler, WorkQueue Queue) CreateSut()
    {
        var (_, controller, queue) = Create();
        return (controller, queue);
    }

    private (Informer<V1ConfigMap>, Controller<V1ConfigMap>, WorkQueue) Create()
    {
        var api = new KubernetesApi(
            new Uri("https://kubernetes.test"), new HttpClient(_server), (_, _) => Task.CompletedTask,
            Mock.Of<IKubernetesRequestObserver>());
        var informer = new Informer<V1ConfigMap>(
            api, ConfigMaps, "ns", new InformerOptions(), new FakeTimeProvider(), NullLogger.Instance);
        _queue = new WorkQueue(new WorkQueueOptions(), _time);
        var controller = new Controller<V1ConfigMap>(
            informer, _reconciler.Object, _queue, new ControllerOptions { Workers = 1 }, NullLogger.Instance);
        return (informer, controller, _queue);
    }

    private static V1ConfigMap ConfigMap(long generation, string resourceVersion) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "a",
            NamespaceProperty = "ns",
            Generation = generation,
            ResourceVersion = resourceVersion,
        },
    };

    private static string ConfigMapJson() =>
        """{"kind":"ConfigMap","metadata":{"name":"a","namespace":"ns","resourceVersion":"1","generation":1}}""";

    private static string List(params string[] items) =>
        $$$"""{"kind":"ConfigMapList","metadata":{"resourceVersion":"10"},"items":[{{{string.Join(",", items)}}}]}""";
}
