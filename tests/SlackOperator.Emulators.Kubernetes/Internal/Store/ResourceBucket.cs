using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Store;

/// <summary>The objects, history and watchers of one resource (all versions share it).</summary>
internal sealed class ResourceBucket
{
    public Dictionary<(string Namespace, string Name), JsonObject> Objects { get; } = [];

    public Queue<HistoryEntry> History { get; } = new();

    public List<WatchSubscription> Watchers { get; } = [];

    /// <summary>Highest resourceVersion whose event was dropped from the history.</summary>
    public long EvictedUpTo { get; set; }
}
