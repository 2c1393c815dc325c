namespace SlackOperator.Kubernetes.Informers;

/// <summary>Told of every change the informer applies to its cache, in order, from one thread.</summary>
public interface IInformerHandler<in T>
{
    /// <summary>An object appeared (also for every object of the first list).</summary>
    void OnAdded(T entity);

    /// <summary>An object changed (or a relist found it changed).</summary>
    void OnUpdated(T oldEntity, T newEntity);

    /// <summary>An object is gone (also when a relist no longer finds it).</summary>
    void OnDeleted(T entity);
}
