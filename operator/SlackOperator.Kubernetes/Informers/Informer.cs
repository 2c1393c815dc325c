using System.Net;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SlackOperator.Kubernetes.Api;
using WatchEventType = SlackOperator.Kubernetes.Api.WatchEventType;

namespace SlackOperator.Kubernetes.Informers;

/// <summary>
/// Keeps an <see cref="EntityCache{T}"/> in step with the API server: lists, then watches from the list's
/// resourceVersion (with bookmarks), watches again at once when a stream ends, and relists when the server
/// answers 410 Gone, turning the differences into adds, updates and deletes so nothing missed in the gap is lost.
/// </summary>
public sealed class Informer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly KubernetesApi _api;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<IInformerHandler<T>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _watchRestarts;

    public Informer(
        KubernetesApi api, ResourceType type, string? @namespace, InformerOptions options, TimeProvider time,
        ILogger logger, string? fieldSelector = null)
    {
        _api = api;
        Type = type;
        Namespace = @namespace;
        FieldSelector = fieldSelector;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The resource watched.</summary>
    public ResourceType Type { get; }

    /// <summary>The namespace watched, null for all.</summary>
    public string? Namespace { get; }

    /// <summary>The server-side filter of the objects watched (e.g. <c>type=Opaque</c>), null for all.</summary>
    public string? FieldSelector { get; }

    /// <summary>The objects as last seen.</summary>
    public EntityCache<T> Cache { get; } = new();

    /// <summary>Watch streams that ended and were opened again, relists included.</summary>
    public long WatchRestarts => Interlocked.Read(ref _watchRestarts);

    /// <summary>Adds a handler; add handlers before <see cref="RunAsync"/> so none misses the first list.</summary>
    public void AddHandler(IInformerHandler<T> handler) => _handlers.Add(handler);

    /// <summary>Completes once the first list is in the cache.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Whether the first list is in the cache (readiness probes ask without waiting).</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>Lists and watches until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            string cause;
            try
            {
                resourceVersion ??= await RelistAsync(cancellationToken).ConfigureAwait(false);
                resourceVersion = await WatchAsync(resourceVersion, cancellationToken).ConfigureAwait(false);
                failures = 0;
                cause = "ended";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubernetesApiException ex) when (ex.StatusCode == HttpStatusCode.Gone)
            {
                InformerLog.Expired(_logger, Type.Plural);
                resourceVersion = null;
                cause = "expired";
            }
            catch (Exception ex)
            {
                // Whatever ends a list or watch (the server, the network, an object that does not parse) must not
                // end the informer: a silent, stale cache is worse than a retried failure in the log.
                cause = "error";
                var delay = RetryDelay(failures++, ex);
                InformerLog.Failed(_logger, ex, Type.Plural, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }

            Interlocked.Increment(ref _watchRestarts);
            RuntimeMetrics.WatchRestarts.Add(1, new("resource", Type.Plural), new("cause", cause));
        }
    }

    private async Task<string> RelistAsync(CancellationToken cancellationToken)
    {
        var list = await _api.ListAsync<T>(Type, Namespace, FieldSelector, cancellationToken).ConfigureAwait(false);
        var listed = new HashSet<EntityKey>();
        foreach (var item in list.Items)
        {
            listed.Add(EntityKey.Of(item));
            Apply(WatchEventType.Added, item);
        }

        foreach (var stale in Cache.List().Where(item => !listed.Contains(EntityKey.Of(item))))
        {
            Apply(WatchEventType.Deleted, stale);
        }

        InformerLog.Listed(_logger, list.Items.Count, Type.Plural, list.ResourceVersion);
        _synced.TrySetResult();
        return list.ResourceVersion;
    }

    /// <summary>Follows one watch stream; returns the resourceVersion to resume from.</summary>
    private async Task<string> WatchAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        var timeout = _options.MinWatchTimeout * (1 + Random.Shared.NextDouble());
        await foreach (var change in _api.WatchAsync(Type, Namespace, FieldSelector, resourceVersion, timeout,
            cancellationToken)
            .ConfigureAwait(false))
        {
            if (change.Type == WatchEventType.Error)
            {
                throw new KubernetesApiException((HttpStatusCode)(change.ErrorCode ?? 500), "WatchError",
                    $"watch of {Type.Plural} ended with an error event");
            }

            resourceVersion = change.ResourceVersion ?? resourceVersion;
            if (change.Type != WatchEventType.Bookmark)
            {
                Apply(change.Type, KubeJson.Deserialize<T>(change.Object));
            }
        }

        InformerLog.WatchEnded(_logger, Type.Plural, resourceVersion);
        return resourceVersion;
    }

    private void Apply(WatchEventType type, T entity)
    {
        if (type == WatchEventType.Deleted)
        {
            var removed = Cache.Remove(EntityKey.Of(entity));
            if (removed is not null)
            {
                Notify(handler => handler.OnDeleted(entity));
            }

            return;
        }

        var old = Cache.Upsert(entity);
        if (old is null)
        {
            Notify(handler => handler.OnAdded(entity));
        }
        else if (old.Metadata.ResourceVersion != entity.Metadata.ResourceVersion)
        {
            Notify(handler => handler.OnUpdated(old, entity));
        }
    }

    private void Notify(Action<IInformerHandler<T>> call)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                call(handler);
            }
            catch (Exception ex)
            {
                InformerLog.HandlerFailed(_logger, ex, Type.Plural);
            }
        }
    }

    private TimeSpan RetryDelay(int failures, Exception exception)
    {
        if (exception is KubernetesApiException { RetryAfter: { } retryAfter })
        {
            return retryAfter;
        }

        // A stream that breaks after working is usually a restarted server or a proxy timeout: watch again at
        // once, and back off only if that fails too.
        if (failures == 0 && exception is IOException or HttpRequestException)
        {
            return TimeSpan.Zero;
        }

        var bound = Math.Min(_options.MaxRetryDelay.TotalMilliseconds,
            _options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 20)));
        return TimeSpan.FromMilliseconds(bound * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
