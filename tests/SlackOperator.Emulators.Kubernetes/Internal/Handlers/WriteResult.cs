using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>An object a write produced, the HTTP status to answer with, and any warnings.</summary>
internal sealed record WriteResult(JsonObject Object, int StatusCode, IReadOnlyList<string> Warnings);
