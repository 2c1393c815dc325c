using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Resources;

/// <summary>Everything the emulator knows about one served resource in one version.</summary>
internal sealed record ResourceType(string Group, string Version, string Plural, string Singular, string Kind,
    bool Namespaced)
{
    public static readonly IReadOnlyList<string> AllVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Verbs { get; init; } = AllVerbs;

    public bool HasStatus { get; init; }

    /// <summary>True for custom resources served from a CRD.</summary>
    public bool IsCustom { get; init; }

    /// <summary>True when metadata.generation is maintained (custom resources and CRDs).</summary>
    public bool HasGeneration { get; init; }

    /// <summary>The CRD's openAPIV3Schema, when it has one.</summary>
    public JsonObject? Schema { get; init; }

    public IReadOnlyList<PrinterColumn> Columns { get; init; } = [];

    /// <summary>Name of the CRD that serves this resource.</summary>
    public string? CrdName { get; init; }

    /// <summary>Identifies the resource across versions: group/plural.</summary>
    public string TypeKey => $"{Group}/{Plural}";

    /// <summary>Where the objects live; another resource's key when two APIs serve one stored object.</summary>
    public string? SharedStorage { get; init; }

    public string StorageKey => SharedStorage ?? TypeKey;

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    public string ListKind => Kind + "List";
}
