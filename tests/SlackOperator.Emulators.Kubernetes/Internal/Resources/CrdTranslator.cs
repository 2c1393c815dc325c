using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Json;

namespace SlackOperator.Emulators.Kubernetes.Internal.Resources;

/// <summary>Turns a CustomResourceDefinition object into the resource types it serves.</summary>
internal static class CrdTranslator
{
    public static IReadOnlyList<ResourceType> Translate(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var group = JsonNodes.Str(spec, "group") ?? "";
        var plural = JsonNodes.Str(names, "plural") ?? "";
        var kind = JsonNodes.Str(names, "kind") ?? "";
        var singular = JsonNodes.Str(names, "singular") ?? kind.ToLowerInvariant();
        var namespaced = JsonNodes.Str(spec, "scope") != "Cluster";
        var versions = spec["versions"] as JsonArray ?? [];
        return versions.OfType<JsonObject>()
            .Where(v => v["served"]?.GetValue<bool>() != false)
            .Select(v => new ResourceType(group, JsonNodes.Str(v, "name") ?? "", plural, singular, kind, namespaced)
            {
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                HasStatus = JsonNodes.At(v, "subresources", "status") is JsonObject,
                IsCustom = true,
                HasGeneration = true,
                Schema = JsonNodes.At(v, "schema", "openAPIV3Schema") as JsonObject,
                Columns = Columns(v["additionalPrinterColumns"] as JsonArray),
                CrdName = JsonNodes.Name(crd),
            })
            .ToList();
    }

    /// <summary>Sets the status a healthy API server reports once the names are accepted.</summary>
    public static void SetEstablishedStatus(JsonObject crd, string now)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var versions = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>();
        var storage = versions.Where(v => v["storage"]?.GetValue<bool>() == true)
            .Select(v => (JsonNode?)JsonValue.Create(JsonNodes.Str(v, "name"))).ToArray();
        crd["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)),
            ["acceptedNames"] = spec["names"]?.DeepClone(),
            ["storedVersions"] = new JsonArray(storage),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => JsonNodes.Text(n)).ToList();

    private static IReadOnlyList<PrinterColumn> Columns(JsonArray? columns) =>
        (columns ?? []).OfType<JsonObject>().Select(c => new PrinterColumn(
            JsonNodes.Str(c, "name") ?? "",
            JsonNodes.Str(c, "type") ?? "string",
            JsonNodes.Str(c, "format") ?? "",
            JsonNodes.Str(c, "description") ?? "",
            c["priority"]?.GetValue<int>() ?? 0,
            JsonNodes.Str(c, "jsonPath") ?? "")).ToList();
}
