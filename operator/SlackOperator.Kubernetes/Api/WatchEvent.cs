using System.Text.Json;

namespace SlackOperator.Kubernetes.Api;

/// <summary>The kind of change a watch event reports.</summary>
public enum WatchEventType
{
    /// <summary>An object appeared.</summary>
    Added,

    /// <summary>An object changed.</summary>
    Modified,

    /// <summary>An object is gone.</summary>
    Deleted,

    /// <summary>No change; the server marks how far the stream has come.</summary>
    Bookmark,

    /// <summary>The server ended the watch with a Status, e.g. 410 Gone.</summary>
    Error,
}

/// <summary>One line of a watch stream.</summary>
/// <param name="Type">What happened.</param>
/// <param name="Object">The object, unparsed: an entity, a bookmark's metadata, or a Status for errors.</param>
public sealed record WatchEvent(WatchEventType Type, JsonElement Object)
{
    /// <summary>The object's <c>metadata.resourceVersion</c>, when present.</summary>
    public string? ResourceVersion =>
        Object.TryGetProperty("metadata", out var metadata)
        && metadata.TryGetProperty("resourceVersion", out var version)
            ? version.GetString()
            : null;

    /// <summary>For <see cref="WatchEventType.Error"/>, the Status code (410 when the version is too old).</summary>
    public int? ErrorCode =>
        Object.TryGetProperty("code", out var code) && code.TryGetInt32(out var value) ? value : null;
}
