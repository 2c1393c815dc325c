using System.Globalization;
using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Json;

namespace SlackOperator.Emulators.Kubernetes.Internal.Store;

/// <summary>
/// The emulator's etcd: objects per resource, one global resourceVersion counter, bounded event history and
/// watchers. Everything happens under one lock and callers always get copies.
/// </summary>
internal sealed class ObjectStore(int historyLimit)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ResourceBucket> _buckets = [];
    private long _resourceVersion = 1;

    public long CurrentResourceVersion
    {
        get
        {
            lock (_lock)
            {
                return _resourceVersion;
            }
        }
    }

    public JsonObject? Get(string key, string ns, string name)
    {
        lock (_lock)
        {
            return Bucket(key).Objects.TryGetValue((ns, name), out var obj) ? JsonNodes.CloneObject(obj) : null;
        }
    }

    public (List<JsonObject> Items, long ResourceVersion) List(string key, Func<JsonObject, bool> filter)
    {
        lock (_lock)
        {
            var items = Bucket(key).Objects.Values.Where(filter)
                .OrderBy(JsonNodes.Namespace, StringComparer.Ordinal).ThenBy(JsonNodes.Name, StringComparer.Ordinal)
                .Select(JsonNodes.CloneObject).ToList();
            return (items, _resourceVersion);
        }
    }

    /// <summary>Atomic read-modify-write; a write that changes nothing keeps the old resourceVersion.</summary>
    public JsonObject Write(string key, string ns, string name, Func<JsonObject?, WriteDecision> decide,
        bool dryRun = false)
    {
        lock (_lock)
        {
            var bucket = Bucket(key);
            bucket.Objects.TryGetValue((ns, name), out var current);
            var decision = decide(current is null ? null : JsonNodes.CloneObject(current));
            if (dryRun)
            {
                // A dry run answers with what would be stored and stores nothing.
                return decision is PutDecision p ? p.Object : ((RemoveDecision)decision).Object;
            }

            return decision switch
            {
                PutDecision put => Put(bucket, current, put.Object),
                RemoveDecision remove => Remove(bucket, current, remove.Object),
                _ => throw new InvalidOperationException("unknown write decision"),
            };
        }
    }

    public WatchSubscription Watch(string key, Func<JsonObject, bool> matches, long? fromVersion)
    {
        lock (_lock)
        {
            var bucket = Bucket(key);
            if (fromVersion is { } from && from < bucket.EvictedUpTo)
            {
                throw StatusFactory.Gone(from, _resourceVersion);
            }

            var subscription = new WatchSubscription(key, matches, Unsubscribe);
            if (fromVersion is { } since)
            {
                foreach (var entry in bucket.History.Where(e => e.ResourceVersion > since))
                {
                    subscription.Offer(entry.Type, entry.Object, entry.Previous);
                }
            }
            else
            {
                foreach (var obj in bucket.Objects.Values.Where(matches))
                {
                    subscription.Push(new WatchEvent("ADDED", JsonNodes.CloneObject(obj)));
                }
            }

            bucket.Watchers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Queues a bookmark behind every event already queued, so its resourceVersion is honest.</summary>
    public void Bookmark(WatchSubscription subscription, string apiVersion, string kind, bool initialEventsEnd)
    {
        lock (_lock)
        {
            var meta = new JsonObject { ["resourceVersion"] = Rv(_resourceVersion) };
            if (initialEventsEnd)
            {
                meta["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
            }

            var obj = new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion, ["metadata"] = meta };
            subscription.Push(new WatchEvent("BOOKMARK", obj));
        }
    }

    /// <summary>Deletes every object of one resource, each with its DELETED event, as deleting a CRD does.</summary>
    public void Clear(string key)
    {
        lock (_lock)
        {
            var bucket = Bucket(key);
            foreach (var obj in bucket.Objects.Values.ToList())
            {
                Remove(bucket, obj, JsonNodes.CloneObject(obj));
            }
        }
    }

    /// <summary>Deletes every object of one resource in a namespace, as namespace deletion eventually does.</summary>
    public void ClearNamespace(string key, string ns)
    {
        lock (_lock)
        {
            var bucket = Bucket(key);
            foreach (var obj in bucket.Objects.Where(p => p.Key.Namespace == ns).Select(p => p.Value).ToList())
            {
                Remove(bucket, obj, JsonNodes.CloneObject(obj));
            }
        }
    }

    private JsonObject Put(ResourceBucket bucket, JsonObject? current, JsonObject desired)
    {
        var ns = JsonNodes.Namespace(desired);
        var name = JsonNodes.Name(desired);
        if (current is not null)
        {
            JsonNodes.Meta(desired)["resourceVersion"] = Rv(JsonNodes.ResourceVersion(current));
            if (JsonNodes.Equal(current, desired))
            {
                return JsonNodes.CloneObject(current);
            }
        }

        _resourceVersion++;
        JsonNodes.Meta(desired)["resourceVersion"] = Rv(_resourceVersion);
        var stored = JsonNodes.CloneObject(desired);
        bucket.Objects[(ns, name)] = stored;
        Publish(bucket, current is null ? "ADDED" : "MODIFIED", stored, current);
        return desired;
    }

    private JsonObject Remove(ResourceBucket bucket, JsonObject? current, JsonObject final)
    {
        _resourceVersion++;
        JsonNodes.Meta(final)["resourceVersion"] = Rv(_resourceVersion);
        bucket.Objects.Remove((JsonNodes.Namespace(final), JsonNodes.Name(final)));
        Publish(bucket, "DELETED", JsonNodes.CloneObject(final), current);
        return final;
    }

    private void Publish(ResourceBucket bucket, string type, JsonObject obj, JsonObject? previous)
    {
        bucket.History.Enqueue(new HistoryEntry(_resourceVersion, type, obj, previous));
        while (bucket.History.Count > historyLimit)
        {
            bucket.EvictedUpTo = bucket.History.Dequeue().ResourceVersion;
        }

        foreach (var watcher in bucket.Watchers)
        {
            watcher.Offer(type, obj, previous);
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_lock)
        {
            Bucket(subscription.StorageKey).Watchers.Remove(subscription);
        }
    }

    private ResourceBucket Bucket(string key)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new ResourceBucket();
            _buckets[key] = bucket;
        }

        return bucket;
    }

    private static string Rv(long value) => value.ToString(CultureInfo.InvariantCulture);
}
