using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Store;

/// <summary>A stored change, kept so a watch can resume from an older resourceVersion.</summary>
internal sealed record HistoryEntry(long ResourceVersion, string Type, JsonObject Object, JsonObject? Previous);
