using System.Text.Json;
using System.Text.Json.Serialization;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Crds;
using SlackOperator.Validation;

namespace SlackOperator.Manifests;

/// <summary>A SlackBot document read from a manifest: the bot when it could be read, and every problem found.
/// </summary>
internal sealed record SlackBotManifest(ManifestDocument Document, SlackBot? Bot, IReadOnlyList<FieldProblem> Problems)
{
    private static readonly JsonSerializerOptions Strict = new(KubeJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>True for documents of kind SlackBot in the group slackoperator.io (any version).</summary>
    public static bool IsSlackBot(ManifestDocument document) =>
        document.Kind == SlackBot.KindValue && InOurGroup(document);

    /// <summary>
    /// What is wrong with a document that was meant as a SlackBot but is not one (a misspelt kind, or another
    /// kind in the SlackBot API group), which kubectl would refuse; null for a SlackBot or an unrelated object.
    /// </summary>
    public static string? MisspeltKind(ManifestDocument document)
    {
        var ourGroup = InOurGroup(document);
        var looksLikeOurs = string.Equals(document.Kind, SlackBot.KindValue, StringComparison.OrdinalIgnoreCase);
        if (IsSlackBot(document) || (!ourGroup && !looksLikeOurs))
        {
            return null;
        }

        return ourGroup
            ? $"kind: \"{document.Kind}\" is not served by {document.ApiVersion}: set kind: {SlackBot.KindValue}"
            : $"apiVersion: \"{document.ApiVersion}\" does not serve {document.Kind}: set apiVersion: " +
              $"{SlackBot.ApiVersionValue} and kind: {SlackBot.KindValue}";
    }

    private static bool InOurGroup(ManifestDocument document) =>
        document.ApiVersion?.StartsWith("slackoperator.io/", StringComparison.Ordinal) == true;

    /// <summary>
    /// Reads the document as the API server and the operator would: structure first (unknown fields, types,
    /// required fields), then the same <see cref="SpecValidator"/> the operator runs.
    /// </summary>
    public static SlackBotManifest Load(ManifestDocument document, SpecValidator validator)
    {
        if (document.ApiVersion != SlackBot.ApiVersionValue)
        {
            return new SlackBotManifest(document, null, [new FieldProblem("apiVersion",
                $"Unsupported value: \"{document.ApiVersion}\": supported values: \"{SlackBot.ApiVersionValue}\"")]);
        }

        var problems = StructureChecker.Check(document.Json, typeof(SlackBot), string.Empty).ToList();
        if (document.Name is null && !problems.Any(p => p.Path.StartsWith("metadata", StringComparison.Ordinal)))
        {
            problems.Add(new FieldProblem("metadata.name", "Required value"));
        }

        if (problems.Count > 0)
        {
            return new SlackBotManifest(document, null, problems);
        }

        SlackBot bot;
        try
        {
            bot = document.Json.Deserialize<SlackBot>(Strict) ?? throw new JsonException("the document is null");
        }
        catch (JsonException ex)
        {
            var path = ex.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : "(root)";
            return new SlackBotManifest(document, null, [new FieldProblem(path, $"Invalid value: {ex.Message}")]);
        }

        return new SlackBotManifest(document, bot, [.. validator.Validate(bot.Spec).Distinct()]);
    }
}
