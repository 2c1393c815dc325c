using System.Text.Json;

namespace SlackOperator.Slack;

/// <summary>Reads optional fields of Slack's JSON without throwing on a missing or differently typed one.</summary>
internal static class JsonFields
{
    /// <summary>The string value of <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
