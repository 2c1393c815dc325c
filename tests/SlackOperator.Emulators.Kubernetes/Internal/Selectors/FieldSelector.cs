using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Json;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;

namespace SlackOperator.Emulators.Kubernetes.Internal.Selectors;

/// <summary>A parsed fieldSelector query; only the fields the real server indexes are accepted.</summary>
internal sealed class FieldSelector
{
    private static readonly Dictionary<string, string[]> ExtraFields = new()
    {
        ["/events"] =
        [
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
            "reportingComponent", "source", "type",
        ],
        ["events.k8s.io/events"] =
        [
            "regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "reason", "type",
            "reportingController",
        ],
        ["/secrets"] = ["type"],
        ["/namespaces"] = ["status.phase"],
    };

    private readonly List<(string[] Path, string Value, bool Equal)> _terms = [];

    private FieldSelector()
    {
    }

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        var selector = new FieldSelector();
        const StringSplitOptions split = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        foreach (var part in (text ?? "").Split(',', split))
        {
            var notEqual = part.IndexOf("!=", StringComparison.Ordinal);
            var equal = part.IndexOf('=', StringComparison.Ordinal);
            var (field, value, isEqual) = notEqual > 0
                ? (part[..notEqual], part[(notEqual + 2)..], false)
                : equal > 0
                    ? (part[..equal], part[(equal + 1)..].TrimStart('='), true)
                    : throw StatusFactory.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            Check(field.Trim(), type);
            var stored = EventConversion.StoredField(type, field.Trim());
            selector._terms.Add((stored.Split('.'), value.Trim(), isEqual));
        }

        return selector;
    }

    /// <summary>The name an exact metadata.name term pins, which lets callers skip a scan.</summary>
    public string? ExactName => _terms
        .Where(t => t.Equal && t.Path is ["metadata", "name"]).Select(t => t.Value).FirstOrDefault();

    public bool Matches(JsonObject obj) =>
        _terms.All(t => (JsonNodes.Text(JsonNodes.At(obj, t.Path)) == t.Value) == t.Equal);

    private static void Check(string field, ResourceType type)
    {
        if (field is "metadata.name" or "metadata.namespace")
        {
            return;
        }

        if (!ExtraFields.TryGetValue(type.TypeKey, out var allowed) || !allowed.Contains(field))
        {
            throw StatusFactory.BadRequest($"field label not supported: {field}");
        }
    }
}
