namespace SlackOperator.Manifests;

/// <summary>The documents of one file, or why it could not be read (with the line of malformed YAML).</summary>
internal sealed record ManifestFile(string Path, IReadOnlyList<ManifestDocument> Documents, string? Error);
