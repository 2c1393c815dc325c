using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlackOperator.Bench;

/// <summary>
/// bench/results/latest.json is shared by the controller and the message-load benchmarks: each replaces its own
/// top-level sections and its own entries of "targets" (by figure name) and keeps everything else.
/// </summary>
internal static class ResultsFile
{
    private static readonly JsonSerializerOptions _format = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps "<" readable; the file is not HTML
    };

    public static void Merge(string path, JsonObject sections, IReadOnlyList<JsonObject> targets)
    {
        var json = Read(path);
        foreach (var (key, value) in sections)
        {
            json[key] = value?.DeepClone();
        }

        var names = targets.Select(t => t["figure"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var kept = (json["targets"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(t => !names.Contains(t["figure"]?.GetValue<string>()))
            .Select(t => (JsonNode)t.DeepClone());
        json["targets"] = new JsonArray([.. kept, .. targets.Select(t => (JsonNode)t.DeepClone())]);

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, json.ToJsonString(_format) + "\n");
        File.Move(temp, path, overwrite: true);
    }

    private static JsonObject Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [] : [];
        }
        catch (JsonException)
        {
            return []; // a damaged file is replaced rather than kept
        }
    }
}
