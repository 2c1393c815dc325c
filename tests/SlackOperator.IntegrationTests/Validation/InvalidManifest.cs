using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Validation;

/// <summary>
/// A manifest of <c>tests/manifests/invalid</c>: its first line says what message names the problem
/// (<c># expect: ...</c>), its second which check must catch it first (<c># rejected-by: api|operator</c>).
/// </summary>
public sealed record InvalidManifest(string Path, string Expect, bool RejectedByApi)
{
    public static string Directory => RepoPaths.Of("tests", "manifests", "invalid");

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public static IReadOnlyList<InvalidManifest> All() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.yaml").Order(StringComparer.Ordinal).Select(Read)];

    /// <summary>xUnit theory data: the file names of manifests caught by <paramref name="api"/> or not (or all).
    /// </summary>
    public static TheoryData<string> Names(bool? api)
    {
        var data = new TheoryData<string>();
        foreach (var manifest in All().Where(m => api is null || m.RejectedByApi == api))
        {
            data.Add(manifest.Name);
        }

        return data;
    }

    public static InvalidManifest Named(string name) => Read(System.IO.Path.Combine(Directory, name + ".yaml"));

    /// <summary>A namespace of its own for one test of this manifest (at most 63 characters).</summary>
    public string Namespace(string prefix)
    {
        var name = $"{prefix}-{Name}";
        return name.Length <= 63 ? name : name[..63].TrimEnd('-');
    }

    private static InvalidManifest Read(string path)
    {
        var lines = File.ReadLines(path).Take(2).ToList();
        const string expect = "# expect: ", rejectedBy = "# rejected-by: ";
        if (lines.Count < 2 || !lines[0].StartsWith(expect, StringComparison.Ordinal)
            || !lines[1].StartsWith(rejectedBy, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} must start with '{expect}...' and '{rejectedBy}...'");
        }

        return new InvalidManifest(path, lines[0][expect.Length..], lines[1][rejectedBy.Length..] == "api");
    }
}
