using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Store;

/// <summary>One watch event; the object is owned by the receiver.</summary>
internal sealed record WatchEvent(string Type, JsonObject Object);
