using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>The arguments of one Web API call, read from the query, a form or a JSON body.</summary>
internal sealed class ApiRequest
{
    private const int MaxBodyBytes = 2 * 1024 * 1024;

    private readonly Dictionary<string, JsonNode?> _args;

    private ApiRequest(Dictionary<string, JsonNode?> args, string? token, bool malformed)
    {
        _args = args;
        Token = token;
        IsMalformed = malformed;
    }

    /// <summary>The bearer token, or the form's token field; never logged or echoed.</summary>
    public string? Token { get; }

    /// <summary>True when a JSON body could not be parsed; Slack answers <c>invalid_json</c>.</summary>
    public bool IsMalformed { get; }

    public IEnumerable<string> Names => _args.Keys.Where(k => k != "token");

    public static async Task<ApiRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var args = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            args[key] = JsonValue.Create(value.ToString());
        }

        var malformed = false;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
            foreach (var (key, value) in form)
            {
                args[key] = JsonValue.Create(value.ToString());
            }
        }
        else if (IsJson(request.ContentType))
        {
            // Slack ignores a token field inside a JSON body; only the header authenticates JSON calls.
            malformed = !await ReadJsonAsync(request, args, ct).ConfigureAwait(false);
            args.Remove("token");
        }

        var token = BearerToken(request) ?? (args.TryGetValue("token", out var t) ? t?.ToString() : null);
        return new ApiRequest(args, string.IsNullOrEmpty(token) ? null : token, malformed);
    }

    public string? GetString(string name)
    {
        if (!_args.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
    }

    public bool GetBool(string name, bool fallback = false)
    {
        var text = GetString(name);
        return text is null ? fallback : text is "true" or "1" or "True";
    }

    public int? GetInt(string name) =>
        int.TryParse(GetString(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A structured argument such as blocks: JSON in a JSON body, a JSON string in a form.</summary>
    public JsonNode? GetJson(string name)
    {
        if (!_args.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return node.DeepClone();
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : null;
    }

    private static async Task<bool> ReadJsonAsync(
        HttpRequest request, Dictionary<string, JsonNode?> args, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return false;
        }

        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct).ConfigureAwait(false);
            foreach (var (key, value) in body as JsonObject ?? [])
            {
                args[key] = value?.DeepClone();
            }

            return body is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
