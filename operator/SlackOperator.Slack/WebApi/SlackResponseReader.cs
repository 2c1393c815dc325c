using System.Text.Json;

namespace SlackOperator.Slack.WebApi;

/// <summary>Turns Slack's JSON answers into results and records.</summary>
internal static class SlackResponseReader
{
    public static SlackResult<JsonDocument> Parse(byte[] body, int httpStatus)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return SlackResult<JsonDocument>.Fail(
                new SlackError(SlackError.TransportCode, $"HTTP {httpStatus} with a body that is not JSON"));
        }

        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok)
            && ok.ValueKind == JsonValueKind.True)
        {
            return SlackResult<JsonDocument>.Ok(document);
        }

        using (document)
        {
            return SlackResult<JsonDocument>.Fail(ReadError(root));
        }
    }

    public static AuthIdentity ReadIdentity(JsonElement root) => new(
        String(root, "user_id") ?? string.Empty,
        String(root, "bot_id"),
        String(root, "user") ?? string.Empty,
        String(root, "team_id") ?? string.Empty,
        String(root, "team") ?? string.Empty,
        String(root, "url"));

    public static IEnumerable<Conversation> ReadConversations(JsonElement root) =>
        root.TryGetProperty("channels", out var channels) && channels.ValueKind == JsonValueKind.Array
            ? channels.EnumerateArray().Select(ReadConversation).ToList()
            : [];

    public static Conversation ReadConversation(JsonElement channel) => new(
        String(channel, "id") ?? string.Empty,
        String(channel, "name") ?? string.Empty,
        Bool(channel, "is_member"),
        Bool(channel, "is_private"),
        Bool(channel, "is_archived"));

    public static SlackUser ReadUser(JsonElement user) => new(
        String(user, "id") ?? string.Empty,
        String(user, "name") ?? string.Empty,
        Bool(user, "is_bot"));

    public static string? NextCursor(JsonElement root) =>
        root.TryGetProperty("response_metadata", out var metadata) ? String(metadata, "next_cursor") : null;

    public static string? String(JsonElement element, string name) => JsonFields.String(element, name);

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static SlackError ReadError(JsonElement root)
    {
        var code = String(root, "error") ?? "unknown_error";
        if (code == "missing_scope")
        {
            var detail = $"needed: {String(root, "needed") ?? "?"}, provided: {String(root, "provided") ?? "?"}";
            return new SlackError(code, detail);
        }

        return new SlackError(code);
    }
}
