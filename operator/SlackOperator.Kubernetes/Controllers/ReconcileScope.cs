using System.Collections;

namespace SlackOperator.Kubernetes.Controllers;

/// <summary>
/// The logging scope around one reconcile: structured fields for structured sinks, and a readable
/// "kind namespace/name" text for console output.
/// </summary>
internal sealed class ReconcileScope(string resource, string? ns, string name, string? uid, long? generation)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields =
    [
        new("resource", resource), new("namespace", ns), new("name", name), new("uid", uid),
        new("generation", generation),
    ];

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        $"{resource} {(ns is null ? name : $"{ns}/{name}")} (generation {generation})";
}
