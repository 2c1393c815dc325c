using System.Diagnostics;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Kubernetes.Queue;

namespace SlackOperator.Kubernetes.Controllers;

/// <summary>
/// Feeds changed keys of one resource from its informer into a <see cref="WorkQueue"/> and runs the entity
/// controller on them with a bounded number of workers. Updates that leave the generation, labels, annotations
/// and deletion mark alone (a status write, typically) are not queued, so writing status cannot loop.
/// </summary>
public sealed class Controller<T> : IInformerHandler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Informer<T> _informer;
    private readonly IEntityController<T> _reconciler;
    private readonly WorkQueue _queue;
    private readonly ControllerOptions _options;
    private readonly ILogger _logger;
    private readonly KeyValuePair<string, object?> _resourceTag;

    public Controller(
        Informer<T> informer, IEntityController<T> reconciler, WorkQueue queue, ControllerOptions options,
        ILogger logger)
    {
        _informer = informer;
        _reconciler = reconciler;
        _queue = queue;
        _options = options;
        _logger = logger;
        _resourceTag = new("resource", informer.Type.Plural);
        informer.AddHandler(this);
    }

    /// <summary>Queues a key from outside the informer (a referenced object changed, a bot lost its link).</summary>
    public void Enqueue(EntityKey key) => _queue.Add(Encode(key));

    /// <summary>
    /// Waits for the informer's first list, then reconciles until cancelled. It may run again after it was
    /// cancelled (a new leadership term): the queue keeps collecting keys meanwhile, and every cached key is queued
    /// at the start, since whatever the previous run started was stopped with it.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await _informer.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entity in _informer.Cache.List())
        {
            Enqueue(EntityKey.Of(entity));
        }

        ControllerLog.Started(_logger, _informer.Type.Plural, _options.Workers);
        var workers = Enumerable.Range(0, _options.Workers).Select(_ => WorkAsync(cancellationToken));
        await Task.WhenAll(workers).ConfigureAwait(false);
        ControllerLog.Stopped(_logger, _informer.Type.Plural);
    }

    void IInformerHandler<T>.OnAdded(T entity) => Enqueue(EntityKey.Of(entity));

    void IInformerHandler<T>.OnUpdated(T oldEntity, T newEntity)
    {
        if (IsSpecOrMetadataChange(oldEntity.Metadata, newEntity.Metadata))
        {
            Enqueue(EntityKey.Of(newEntity));
            return;
        }

        ControllerLog.SkippedUpdate(_logger, EntityKey.Of(newEntity).ToString(), newEntity.Metadata.Generation);
    }

    void IInformerHandler<T>.OnDeleted(T entity) => Enqueue(EntityKey.Of(entity));

    private static bool IsSpecOrMetadataChange(V1ObjectMeta old, V1ObjectMeta current) =>
        old.Generation != current.Generation
        || old.DeletionTimestamp != current.DeletionTimestamp
        || !SameMap(old.Labels, current.Labels)
        || !SameMap(old.Annotations, current.Annotations);

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a is null || a.Count == 0) ? (b is null || b.Count == 0)
            : b is not null && a.Count == b.Count
                && a.All(pair => b.TryGetValue(pair.Key, out var v) && v == pair.Value);

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (await TakeAsync(cancellationToken).ConfigureAwait(false) is { } key)
        {
            try
            {
                await ProcessAsync(key, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _queue.Done(key);
            }
        }
    }

    private async Task<string?> TakeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _queue.TakeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task ProcessAsync(string key, CancellationToken cancellationToken)
    {
        var entityKey = Decode(key);
        var started = Stopwatch.GetTimestamp();
        string outcome;
        try
        {
            outcome = _informer.Cache.TryGet(entityKey, out var entity)
                ? await ReconcileAsync(key, entity, cancellationToken).ConfigureAwait(false)
                : await DeleteAsync(key, entityKey, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            outcome = "error";
            ControllerLog.Failed(_logger, ex, key, _queue.Requeues(key) + 1);
            Retry(key, (ex as KubernetesApiException)?.RetryAfter);
        }

        RuntimeMetrics.Reconciles.Add(1, _resourceTag, new("result", outcome));
        RuntimeMetrics.ReconcileDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _resourceTag);
        ControllerLog.Reconciled(_logger, key, outcome);
    }

    private async Task<string> ReconcileAsync(string key, T entity, CancellationToken cancellationToken)
    {
        var metadata = entity.Metadata;
        using var scope = _logger.BeginScope(new ReconcileScope(_informer.Type.Plural, metadata.NamespaceProperty,
            metadata.Name, metadata.Uid, metadata.Generation));
        var result = await _reconciler.ReconcileAsync(entity, cancellationToken).ConfigureAwait(false);
        if (result.Retry)
        {
            Retry(key);
            return "backoff";
        }

        _queue.Forget(key);
        if (result.RequeueAfter is { } delay)
        {
            _queue.AddAfter(key, delay);
            return "requeue";
        }

        return "done";
    }

    private async Task<string> DeleteAsync(string key, EntityKey entityKey, CancellationToken cancellationToken)
    {
        await _reconciler.DeletedAsync(entityKey, cancellationToken).ConfigureAwait(false);
        _queue.Forget(key);
        return "deleted";
    }

    /// <summary>Re-queues with the key's backoff, or after the server's Retry-After when it sent one.</summary>
    private void Retry(string key, TimeSpan? retryAfter = null)
    {
        RuntimeMetrics.QueueRetries.Add(1, _resourceTag);
        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            _queue.AddAfter(key, wait);
            return;
        }

        _queue.AddRateLimited(key);
    }

    private static string Encode(EntityKey key) => key.ToString();

    private static EntityKey Decode(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new EntityKey(null, key) : new EntityKey(key[..slash], key[(slash + 1)..]);
    }
}
