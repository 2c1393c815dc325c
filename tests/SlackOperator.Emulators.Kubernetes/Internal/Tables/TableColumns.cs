using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Json;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;

namespace SlackOperator.Emulators.Kubernetes.Internal.Tables;

/// <summary>The columns `kubectl get` shows for each resource, built-in or custom.</summary>
internal static class TableColumns
{
    public static IReadOnlyList<TableColumn> For(ResourceType type)
    {
        if (type.IsCustom)
        {
            return Custom(type);
        }

        return type.TypeKey switch
        {
            "/namespaces" => [NameColumn, Text("Status", "The phase of the namespace", "status", "phase"), Age],
            "/secrets" => [NameColumn, Text("Type", "The type of the secret", "type"), Count("Data", "data"), Age],
            "/configmaps" => [NameColumn, Count("Data", "data"), Age],
            "coordination.k8s.io/leases" =>
                [NameColumn, Text("Holder", "Current holder", "spec", "holderIdentity"), Age],
            "apiextensions.k8s.io/customresourcedefinitions" => [NameColumn, CreatedAt],
            "/events" or "events.k8s.io/events" => EventColumns(type.Group.Length > 0),
            _ => [NameColumn, Age],
        };
    }

    private static readonly TableColumn NameColumn = new("Name", "string", "name",
        "Name must be unique within a namespace.", 0, (o, _) => JsonNodes.Name(o));

    private static readonly TableColumn Age = new("Age", "string", "", "Time since creation.", 0,
        (o, now) => AgeOf(JsonNodes.Str(o, "metadata", "creationTimestamp"), now));

    private static readonly TableColumn CreatedAt = new("Created At", "date", "", "Time of creation.", 0,
        (o, _) => JsonNodes.Str(o, "metadata", "creationTimestamp"));

    private static TableColumn Text(string name, string description, params string[] path) =>
        new(name, "string", "", description, 0, (o, _) => JsonNodes.Str(o, path) ?? "");

    private static TableColumn Count(string name, string field) =>
        new(name, "integer", "", "Number of entries.", 0, (o, _) => (o[field] as JsonObject)?.Count ?? 0);

    private static IReadOnlyList<TableColumn> EventColumns(bool eventsV1)
    {
        var regarding = eventsV1 ? "regarding" : "involvedObject";
        var message = eventsV1 ? "note" : "message";
        return
        [
            new("Last Seen", "string", "", "Time since the event was last seen.", 0, (o, now) => AgeOf(
                JsonNodes.Str(o, "lastTimestamp") ?? JsonNodes.Str(o, "eventTime")
                ?? JsonNodes.Str(o, "metadata", "creationTimestamp"), now)),
            Text("Type", "Event type", "type"),
            Text("Reason", "Why the event happened", "reason"),
            new("Object", "string", "", "The object the event is about.", 0, (o, _) =>
                $"{JsonNodes.Str(o, regarding, "kind")?.ToLowerInvariant()}/{JsonNodes.Str(o, regarding, "name")}"),
            Text("Message", "Human-readable description", message),
        ];
    }

    private static List<TableColumn> Custom(ResourceType type)
    {
        if (type.Columns.Count == 0)
        {
            return [NameColumn, Age];
        }

        return [NameColumn, .. type.Columns.Select(c => new TableColumn(
            c.Name, c.Type, c.Format, c.Description, c.Priority, (o, now) => CustomCell(o, c, now)))];
    }

    private static JsonNode? CustomCell(JsonObject obj, PrinterColumn column, DateTimeOffset now)
    {
        var values = SimpleJsonPath.Evaluate(obj, column.JsonPath);
        if (values.Count == 0)
        {
            return null;
        }

        if (column.Type == "date")
        {
            return AgeOf(JsonNodes.Text(values[0]), now);
        }

        return values.Count == 1 && column.Type is "integer" or "number" or "boolean"
            ? values[0].DeepClone()
            : string.Join(",", values.Select(JsonNodes.Text));
    }

    private static string AgeOf(string? timestamp, DateTimeOffset now) =>
        JsonNodes.ParseTime(timestamp) is { } time ? HumanDuration.Format(now - time) : "<unknown>";
}
