using SlackOperator.Kubernetes.Informers;

namespace SlackOperator.Kubernetes.Controllers;

/// <summary>Turns the declared state of one kind of object into reality; called one key at a time.</summary>
public interface IEntityController<in T>
{
    /// <summary>
    /// Makes the world match <paramref name="entity"/>. Level-based: called again for the same object must be
    /// harmless. An exception is logged and retried with backoff.
    /// </summary>
    Task<ReconcileResult> ReconcileAsync(T entity, CancellationToken cancellationToken);

    /// <summary>The object is gone; release whatever was running for it.</summary>
    Task DeletedAsync(EntityKey key, CancellationToken cancellationToken);
}
