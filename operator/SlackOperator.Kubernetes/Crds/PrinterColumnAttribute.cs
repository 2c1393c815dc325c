namespace SlackOperator.Kubernetes.Crds;

/// <summary>A column of <c>kubectl get</c>, in declaration order.</summary>
/// <param name="name">The header, e.g. READY.</param>
/// <param name="type">An OpenAPI type: string, integer, number, boolean or date.</param>
/// <param name="jsonPath">A simple JSONPath into the object, e.g. <c>.status.bot.name</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    /// <summary>The header.</summary>
    public string Name { get; } = name;

    /// <summary>The OpenAPI type of the cell.</summary>
    public string Type { get; } = type;

    /// <summary>Where the value comes from.</summary>
    public string JsonPath { get; } = jsonPath;

    /// <summary>What the column shows, for <c>kubectl explain</c> and tooling.</summary>
    public string? Description { get; init; }

    /// <summary>0 shows the column always; higher values only with <c>-o wide</c>.</summary>
    public int Priority { get; init; }
}
