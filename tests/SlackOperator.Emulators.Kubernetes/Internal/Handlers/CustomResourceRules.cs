using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Json;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;
using SlackOperator.Emulators.Kubernetes.Internal.Validation;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>Structural-schema handling for custom resources: prune, default, then validate.</summary>
internal static class CustomResourceRules
{
    /// <summary>Returns warnings for the response; throws for invalid objects or strict unknown fields.</summary>
    public static IReadOnlyList<string> Apply(ResourceType type, JsonObject obj, string? fieldValidation)
    {
        if (!type.IsCustom || type.Schema is null)
        {
            return [];
        }

        var unknown = SchemaPruner.Prune(obj, type.Schema);
        var notes = unknown.Select(u => $"unknown field \"{u}\"").ToList();
        if (notes.Count > 0 && fieldValidation == "Strict")
        {
            throw StatusFactory.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a "
                + $"{type.Kind}: strict decoding error: {string.Join(", ", notes)}");
        }

        SchemaDefaulter.Apply(obj, type.Schema);
        var schemaWithoutRoot = JsonNodes.CloneObject(type.Schema);
        var errors = SchemaValidator.Validate(obj, schemaWithoutRoot, "");
        if (errors.Count > 0)
        {
            throw StatusFactory.Invalid(type, JsonNodes.Name(obj),
                errors.Select(e => (e.Field, e.Reason, e.Message)).ToList());
        }

        return fieldValidation == "Ignore" ? [] : notes;
    }
}
