using System.Text.Json.Nodes;
using SlackOperator.Cli;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SlackOperator.Manifests;

/// <summary>Reads YAML manifests: files as given, directories recursively (*.yaml, *.yml), every document.</summary>
internal static class ManifestReader
{
    /// <summary>The files under <paramref name="paths"/> in a stable order; a missing path is reported as such.
    /// </summary>
    public static IEnumerable<ManifestFile> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in FilesUnder(path))
                {
                    yield return ReadFile(file);
                }
            }
            else if (File.Exists(path))
            {
                yield return ReadFile(path);
            }
            else
            {
                yield return new ManifestFile(path, [], "no such file or directory");
            }
        }
    }

    /// <summary>Parses YAML text into its documents; malformed YAML gives an error naming line and column.</summary>
    public static ManifestFile Parse(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            var documents = new List<ManifestDocument>();
            for (var i = 0; i < stream.Documents.Count; i++)
            {
                if (AliasExpansion.IsExcessive(stream.Documents[i].RootNode))
                {
                    return new ManifestFile(path, [], $"document {i + 1} stands for more than " +
                        $"{AliasExpansion.MaxValues} values through YAML aliases (anchors used inside anchors): " +
                        "write it out without nested aliases");
                }

                if (YamlJsonConverter.Convert(stream.Documents[i].RootNode) is JsonObject json)
                {
                    documents.AddRange(Unwrap(new ManifestDocument(path, i + 1, json)));
                }
            }

            return new ManifestFile(path, documents, null);
        }
        catch (YamlException ex)
        {
            return new ManifestFile(path, [], $"line {ex.Start.Line}, column {ex.Start.Column}: malformed YAML: " +
                Reason(ex));
        }
    }

    /// <summary>A <c>kind: List</c> (what <c>kubectl get -o yaml</c> writes) stands for its items, as kubectl
    /// applies them; any other object stands for itself.</summary>
    private static IEnumerable<ManifestDocument> Unwrap(ManifestDocument document) =>
        document.Kind == "List" && document.Json["items"] is JsonArray items
            ? items.OfType<JsonObject>().Select(item => document with { Json = item })
            : [document];

    private static ManifestFile ReadFile(string path)
    {
        try
        {
            return Parse(path, File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ManifestFile(path, [], $"cannot be read: {ex.Message}");
        }
    }

    private static IEnumerable<string> FilesUnder(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    // YamlDotNet prefixes its messages with the marks ("(Line: 3, Col: 5, Idx: 20) - (...): "); the line is
    // reported separately, so only the reason is kept.
    private static string Reason(YamlException ex)
    {
        var message = (ex.InnerException as YamlException ?? ex).Message;
        var marks = message.IndexOf("): ", StringComparison.Ordinal);
        return marks >= 0 && message.StartsWith('(') ? message[(marks + 3)..] : message;
    }
}
