using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>Builds the two answer shapes of Slack's Web API.</summary>
internal static class ApiResult
{
    public static JsonObject Ok(JsonObject? fields = null)
    {
        var body = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in fields ?? [])
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    public static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    public static JsonObject MissingScope(IReadOnlyList<string> needed, IReadOnlyList<string> provided) => new()
    {
        ["ok"] = false,
        ["error"] = "missing_scope",
        ["needed"] = string.Join(",", needed),
        ["provided"] = string.Join(",", provided),
    };

    /// <summary>Slack reports a soft problem as <c>warning</c> and in <c>response_metadata.warnings</c>.</summary>
    public static JsonObject WithWarning(JsonObject body, string warning)
    {
        body["warning"] = warning;
        body["response_metadata"] = new JsonObject { ["warnings"] = new JsonArray(warning) };
        return body;
    }
}
