using k8s;
using k8s.Models;

namespace SlackOperator.Kubernetes.Informers;

/// <summary>
/// The informer's copy of the objects of one type, with secondary indexes (e.g. "which SlackBots reference
/// Secret x") kept in step with every change. Readers get the objects as last seen; they must not mutate them.
/// </summary>
public sealed class EntityCache<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly Dictionary<EntityKey, T> _items = [];
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = [];
    private readonly Dictionary<string, Dictionary<string, HashSet<EntityKey>>> _indexes = [];
    private readonly Lock _lock = new();

    /// <summary>How many objects are cached.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Declares an index; every object is filed under each value the function returns.</summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> indexer)
    {
        lock (_lock)
        {
            _indexers[name] = indexer;
            _indexes[name] = [];
            foreach (var (key, item) in _items)
            {
                AddToIndex(name, indexer, key, item);
            }
        }
    }

    /// <summary>The cached object, if any.</summary>
    public bool TryGet(EntityKey key, out T value)
    {
        lock (_lock)
        {
            return _items.TryGetValue(key, out value!);
        }
    }

    /// <summary>Every cached object.</summary>
    public IReadOnlyList<T> List()
    {
        lock (_lock)
        {
            return [.. _items.Values];
        }
    }

    /// <summary>The keys filed under <paramref name="value"/> in index <paramref name="indexName"/>.</summary>
    public IReadOnlyList<EntityKey> KeysByIndex(string indexName, string value)
    {
        lock (_lock)
        {
            return _indexes.TryGetValue(indexName, out var index) && index.TryGetValue(value, out var keys)
                ? [.. keys]
                : [];
        }
    }

    /// <summary>Stores an object; returns the one it replaced.</summary>
    internal T? Upsert(T value)
    {
        var key = EntityKey.Of(value);
        lock (_lock)
        {
            _items.TryGetValue(key, out var old);
            if (old is not null)
            {
                RemoveFromIndexes(key, old);
            }

            _items[key] = value;
            foreach (var (name, indexer) in _indexers)
            {
                AddToIndex(name, indexer, key, value);
            }

            return old;
        }
    }

    /// <summary>Removes an object; returns it when it was cached.</summary>
    internal T? Remove(EntityKey key)
    {
        lock (_lock)
        {
            if (!_items.Remove(key, out var old))
            {
                return default;
            }

            RemoveFromIndexes(key, old);
            return old;
        }
    }

    private void AddToIndex(string name, Func<T, IEnumerable<string>> indexer, EntityKey key, T value)
    {
        var index = _indexes[name];
        foreach (var indexValue in indexer(value))
        {
            if (!index.TryGetValue(indexValue, out var keys))
            {
                index[indexValue] = keys = [];
            }

            keys.Add(key);
        }
    }

    private void RemoveFromIndexes(EntityKey key, T value)
    {
        foreach (var (name, indexer) in _indexers)
        {
            var index = _indexes[name];
            foreach (var indexValue in indexer(value))
            {
                if (index.TryGetValue(indexValue, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    index.Remove(indexValue);
                }
            }
        }
    }
}
