using System.Net.Http.Headers;
using System.Text.Json;

namespace SlackOperator.Slack.WebApi;

/// <summary>
/// The arguments of one call. Write methods take JSON; read methods take form fields, because Slack documents
/// JSON bodies for write methods only.
/// </summary>
internal sealed class SlackRequestBody
{
    private static readonly MediaTypeHeaderValue JsonType =
        MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private readonly Func<HttpContent?> _factory;

    private SlackRequestBody(Func<HttpContent?> factory) => _factory = factory;

    public static SlackRequestBody None { get; } = new(() => null);

    public static SlackRequestBody Json(IReadOnlyDictionary<string, object?> fields) => new(() =>
    {
        var present = fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(present));
        content.Headers.ContentType = JsonType;
        return content;
    });

    public static SlackRequestBody Form(IReadOnlyDictionary<string, string?> fields) => new(() =>
        new FormUrlEncodedContent(fields
            .Where(f => f.Value is not null)
            .Select(f => new KeyValuePair<string, string>(f.Key, f.Value!))));

    public HttpContent? ToContent() => _factory();
}
