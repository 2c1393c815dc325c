using System.Collections.Concurrent;
using System.Net;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Tests.Support;

namespace SlackOperator.Tests.Kubernetes.Informers;

public sealed class InformerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    private static readonly ResourceType ConfigMaps = new(string.Empty, "v1", "configmaps", "ConfigMap", true);

    private readonly StubHttpMessageHandler _server = new();
    private readonly RecordingHandler _handler = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Patience);
        _stop.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task RunAsync_FirstList_ReportsEveryObjectAsAdded()
    {
        _server.RespondJson(List("10", ConfigMap("a", "1"), ConfigMap("b", "2")));

        await RunUntilScriptDoneAsync();

        Assert.Equal(["added a@1", "added b@2"], _handler.Events);
    }

    [Fact]
    public async Task WaitForSyncAsync_FirstListDone_Completes()
    {
        _server.RespondJson(List("10", ConfigMap("a", "1")));
        var informer = CreateSut();

        _run = informer.RunAsync(_stop.Token);

        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(1, informer.Cache.Count);
    }

    [Fact]
    public async Task RunAsync_AfterList_WatchesFromListResourceVersion()
    {
        _server.RespondJson(List("10"));

        await RunUntilScriptDoneAsync();

        var watch = _server.Requests.Last().Uri.Query;
        Assert.True(watch.Contains("watch=true", StringComparison.Ordinal)
            && watch.Contains("resourceVersion=10", StringComparison.Ordinal), $"watch query was {watch}");
    }

    [Fact]
    public async Task RunAsync_WatchAdded_ReportsAdd()
    {
        _server.RespondJson(List("10", ConfigMap("a", "1")))
            .RespondJson(Watch(Event("ADDED", ConfigMap("b", "11"))));

        await RunUntilScriptDoneAsync();

        Assert.Equal(["added a@1", "added b@11"], _handler.Events);
    }

    [Fact]
    public async Task RunAsync_WatchModified_ReportsUpdateWithOldAndNew()
    {
        _server.RespondJson(List("10", ConfigMap("a", "1")))
            .RespondJson(Watch(Event("MODIFIED", ConfigMap("a", "11"))));

        await RunUntilScriptDoneAsync();

        Assert.Equal(["added a@1", "updated a@1->a@11"], _handler.Events);
    }

    [Fact]
    public async Task RunAsync_WatchDeleted_ReportsDeleteAndEmptiesCache()
    {
        _server.RespondJson(List("10", ConfigMap("a", "1")))
            .RespondJson(Watch(Event("DELETED", ConfigMap("a", "11"))));

        var informer = await RunUntilScriptDoneAsync();

        Assert.Equal(["added a@1", "deleted a@11"], _handler.Events);
        Assert.Equal(0, informer.Cache.Count);
    }

    [Fact]
    public async Task RunAsync_WatchStreamEndsAfterBookmark_WatchesAgainFromBookmark()
    {
        _server.RespondJson(List("10", ConfigMap("a", "1")))
            .RespondJson(Watch(Event("BOOKMARK", """{"kind":"ConfigMap","metadata":{"resourceVersion":"15"}}""")));

        await RunUntilScriptDoneAsync();

        var watch = _server.Requests.Last().Uri.Query;
        Assert.True(watch.Contains("resourceVersion=15", StringComparison.Ordinal), $"watch query was {watch}");
    }

    [Fact]
    public async Task RunAsync_WatchErrorGone_ListsAgain()
    {
        _server.RespondJson(List("10", ConfigMap("a", "1")))
            .RespondJson(Watch(Gone()))
            .RespondJson(List("20", ConfigMap("a", "1")));

        await RunUntilScriptDoneAsync();

        var queries = _server.Requests.Select(r => r.Uri.Query.Contains("watch=true", StringComparison.Ordinal)
            ? "watch" : "list");
        Assert.Equal(["list", "watch", "list", "watch"], queries);
    }

    [Fact]
    public async Task RunAsync_RelistAfterGone_ReportsVanishedObjectAsDeleted()
    {
        _server.RespondJson(List("10", ConfigMap("a", "1"), ConfigMap("b", "2")))
            .RespondJson(Watch(Gone()))
            .RespondJson(List("20", ConfigMap("a", "1")));

        var informer = await RunUntilScriptDoneAsync();

        Assert.Equal(["added a@1", "added b@2", "deleted b@2"], _handler.Events);
        Assert.Equal(1, informer.Cache.Count);
    }

    [Fact]
    public async Task RunAsync_RelistAfterGone_ReportsChangedObjectAsUpdated()
    {
        _server.RespondJson(List("10", ConfigMap("a", "1")))
            .RespondJson(Watch(Gone()))
            .RespondJson(List("20", ConfigMap("a", "19")));

        await RunUntilScriptDoneAsync();

        Assert.Equal(["added a@1", "updated a@1->a@19"], _handler.Events);
    }

    [Fact]
    public async Task RunAsync_RelistAfterGone_WatchesFromNewListResourceVersion()
    {
        _server.RespondJson(List("10"))
            .RespondJson(Watch(Gone()))
            .RespondJson(List("20"));

        await RunUntilScriptDoneAsync();

        var watch = _server.Requests.Last().Uri.Query;
        Assert.True(watch.Contains("resourceVersion=20", StringComparison.Ordinal), $"watch query was {watch}");
    }

    [Fact]
    public async Task RunAsync_ListFailsWithServerError_RetriesAfterDelay()
    {
        var time = new TimerRecordingTimeProvider();
        _server.Respond(HttpStatusCode.InternalServerError, """{"kind":"Status","code":500}""")
            .RespondJson(List("10", ConfigMap("a", "1")));
        var informer = CreateSut(time);
        informer.AddHandler(_handler);
        _run = informer.RunAsync(_stop.Token);

        time.Advance(await time.NextTimerAsync());
        await _server.ScriptDone.WaitAsync(Patience);

        Assert.Equal(["added a@1"], _handler.Events);
    }

    [Fact]
    public async Task RunAsync_FieldSelector_SentWithTheListAndTheWatch()
    {
        _server.RespondJson(List("10"));
        var informer = CreateSut(fieldSelector: "type=Opaque");

        _run = informer.RunAsync(_stop.Token);
        await _server.ScriptDone.WaitAsync(Patience);

        Assert.All(_server.Requests, r => Assert.Contains("fieldSelector=type%3DOpaque", r.Uri.Query,
            StringComparison.Ordinal));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task RunAsync_WatchedObjectDoesNotParse_RetriesInsteadOfEnding()
    {
        var time = new FakeTimeProvider();
        const string unreadable = """{"kind":"ConfigMap","metadata":{"name":"x","creationTimestamp":"yesterday"}}""";
        _server.RespondJson(List("10")).RespondJson(Watch(Event("ADDED", unreadable)));
        var informer = CreateSut(time);

        _run = informer.RunAsync(_stop.Token);
        for (var waited = 0; !_server.ScriptDone.IsCompleted && !_run.IsCompleted && waited < 200; waited++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(10);
        }

        Assert.False(_run.IsCompleted, $"the informer ended: {_run.Exception?.GetBaseException().Message}");
        Assert.True(_server.ScriptDone.IsCompleted, "no new watch after the failure");
    }

    private async Task<Informer<V1ConfigMap>> RunUntilScriptDoneAsync()
    {
        var informer = CreateSut();
        informer.AddHandler(_handler);
        _run = informer.RunAsync(_stop.Token);
        await _server.ScriptDone.WaitAsync(Patience);
        return informer;
    }

    private Informer<V1ConfigMap> CreateSut(TimeProvider? time = null, string? fieldSelector = null)
    {
        var api = new KubernetesApi(
            new Uri("https://kubernetes.test"), new HttpClient(_server), (_, _) => Task.CompletedTask,
            Mock.Of<IKubernetesRequestObserver>());
        return new Informer<V1ConfigMap>(
            api, ConfigMaps, "ns", new InformerOptions(), time ?? new FakeTimeProvider(), NullLogger.Instance,
            fieldSelector);
    }

    private static string ConfigMap(string name, string rv) =>
        $$$"""{"kind":"ConfigMap","metadata":{"name":"{{{name}}}","namespace":"ns","resourceVersion":"{{{rv}}}"}}""";

    private static string List(string rv, params string[] items) =>
        $$$"""{"kind":"ConfigMapList","metadata":{"resourceVersion":"{{{rv}}}"},"items":[{{{Join(items)}}}]}""";

    private static string Join(string[] items) => string.Join(",", items);

    private static string Event(string type, string json) => $$$"""{"type":"{{{type}}}","object":{{{json}}}}""";

    private static string Gone() => Event("ERROR",
        """{"kind":"Status","status":"Failure","message":"too old resource version","reason":"Expired","code":410}""");

    private static string Watch(params string[] lines) => string.Join("\n", lines) + "\n";

    private sealed class RecordingHandler : IInformerHandler<V1ConfigMap>
    {
        private readonly ConcurrentQueue<string> _events = new();

        public IReadOnlyList<string> Events => [.. _events];

        public void OnAdded(V1ConfigMap entity) => _events.Enqueue($"added {Describe(entity)}");

        public void OnUpdated(V1ConfigMap oldEntity, V1ConfigMap newEntity) =>
            _events.Enqueue($"updated {Describe(oldEntity)}->{Describe(newEntity)}");

        public void OnDeleted(V1ConfigMap entity) => _events.Enqueue($"deleted {Describe(entity)}");

        private static string Describe(V1ConfigMap entity) =>
            $"{entity.Metadata.Name}@{entity.Metadata.ResourceVersion}";
    }
}
