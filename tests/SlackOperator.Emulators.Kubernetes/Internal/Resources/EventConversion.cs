using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Resources;

/// <summary>
/// core/v1 and events.k8s.io/v1 Events are one stored object seen two ways, as on a real server; objects are
/// stored in the core shape and renamed on the way in and out.
/// </summary>
internal static class EventConversion
{
    private static readonly (string Core, string EventsV1)[] Fields =
    [
        ("metadata", "metadata"), ("involvedObject", "regarding"), ("related", "related"), ("message", "note"),
        ("reason", "reason"), ("type", "type"), ("action", "action"), ("eventTime", "eventTime"),
        ("series", "series"), ("reportingComponent", "reportingController"),
        ("reportingInstance", "reportingInstance"), ("source", "deprecatedSource"),
        ("firstTimestamp", "deprecatedFirstTimestamp"), ("lastTimestamp", "deprecatedLastTimestamp"),
        ("count", "deprecatedCount"),
    ];

    public static JsonObject ToServed(ResourceType type, JsonObject stored)
    {
        if (type != BuiltInResources.EventsV1)
        {
            stored["apiVersion"] = type.GroupVersion;
            return stored;
        }

        return Rename(stored, type, Fields.Select(f => (f.Core, f.EventsV1)));
    }

    public static JsonObject ToStored(ResourceType type, JsonObject served) =>
        type != BuiltInResources.EventsV1
            ? served
            : Rename(served, BuiltInResources.Events, Fields.Select(f => (f.EventsV1, f.Core)));

    /// <summary>Field selectors run against the stored shape, so events.k8s.io field names are translated.</summary>
    public static string StoredField(ResourceType type, string field)
    {
        if (type != BuiltInResources.EventsV1)
        {
            return field;
        }

        return field.StartsWith("regarding.", StringComparison.Ordinal)
            ? "involvedObject." + field["regarding.".Length..]
            : field == "reportingController" ? "reportingComponent" : field;
    }

    private static JsonObject Rename(JsonObject source, ResourceType target, IEnumerable<(string From, string To)> map)
    {
        var result = new JsonObject { ["apiVersion"] = target.GroupVersion, ["kind"] = "Event" };
        foreach (var (from, to) in map)
        {
            if (source[from] is { } value)
            {
                result[to] = value.DeepClone();
            }
        }

        return result;
    }
}
