using System.Globalization;

namespace SlackOperator.Emulators.Kubernetes.Internal.Validation;

/// <summary>Field paths in the form the API server reports them: spec.channels[0].name.</summary>
internal static class SchemaPaths
{
    public static string Property(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Item(string parent, int index) =>
        $"{parent}[{index.ToString(CultureInfo.InvariantCulture)}]";

    public static string MapEntry(string parent, string key) => $"{parent}[{key}]";
}
