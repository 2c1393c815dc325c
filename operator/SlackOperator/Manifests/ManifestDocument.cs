using System.Text.Json.Nodes;

namespace SlackOperator.Manifests;

/// <summary>One YAML document of a manifest file, as JSON; <see cref="Number"/> counts from 1 within the file.
/// </summary>
internal sealed record ManifestDocument(string File, int Number, JsonObject Json)
{
    public string? Kind => Json["kind"] is JsonValue kind && kind.TryGetValue<string>(out var text) ? text : null;

    public string? ApiVersion =>
        Json["apiVersion"] is JsonValue version && version.TryGetValue<string>(out var text) ? text : null;

    public string? Name =>
        Json["metadata"]?["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : null;

    /// <summary>How messages about this document start: <c>FILE: document N (SlackBot NAME)</c>.</summary>
    public string Where => $"{File}: document {Number} ({Kind} {Name ?? "(no name)"})";
}
