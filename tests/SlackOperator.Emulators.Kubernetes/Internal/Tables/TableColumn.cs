using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Tables;

/// <summary>A column of a server-side Table and how to compute its cell.</summary>
internal sealed record TableColumn(string Name, string Type, string Format, string Description, int Priority,
    Func<JsonObject, DateTimeOffset, JsonNode?> Cell);
