using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Patching;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>Chooses the patch algorithm from the Content-Type, as the API server does.</summary>
internal static class PatchApplier
{
    public const string ApplyPatch = "application/apply-patch+yaml";

    public static Func<JsonObject, JsonObject> For(ResourceType type, string mediaType, JsonNode patch) =>
        mediaType switch
        {
            "application/merge-patch+json" or ApplyPatch => current => AsObject(MergePatch.Apply(current, patch)),
            "application/strategic-merge-patch+json" when type.IsCustom =>
                throw StatusFactory.UnsupportedMediaType(mediaType),
            "application/strategic-merge-patch+json" when patch is JsonObject smp =>
                current => StrategicMergePatch.Apply(current, smp),
            "application/json-patch+json" when patch is JsonArray operations =>
                current => AsObject(JsonPatch.Apply(current, operations)),
            "application/merge-patch+json" or "application/strategic-merge-patch+json" or "application/json-patch+json"
                => throw StatusFactory.BadRequest("the patch body has the wrong JSON type for its patch type"),
            _ => throw StatusFactory.UnsupportedMediaType(mediaType),
        };

    private static JsonObject AsObject(JsonNode? node) =>
        node as JsonObject ?? throw StatusFactory.BadRequest("the patch did not produce a JSON object");
}
