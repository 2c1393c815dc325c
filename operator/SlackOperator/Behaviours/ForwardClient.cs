using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SlackOperator.Slack.Events;

namespace SlackOperator.Behaviours;

/// <summary>
/// Posts a message to a forward behaviour's service and reads its answer: redirects are not followed, the
/// answer is capped at <see cref="MaxAnswerBytes"/>, and the connection is refused when the name resolves to an
/// address the <see cref="ForwardUrlPolicy"/> forbids (checked at connect time, so DNS tricks cannot get round it).
/// </summary>
internal sealed class ForwardClient : IDisposable
{
    public const int MaxAnswerBytes = 64 * 1024;

    private readonly HttpClient _http;

    public ForwardClient(ForwardUrlPolicy policy)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, token) => ConnectAsync(policy, context, token),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The service's answer text (empty for no answer), or an error description.</summary>
    public async Task<(string? Answer, string? Error)> ForwardAsync(
        ForwardRule rule, MessageEvent message, string teamId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(rule.Timeout);
        try
        {
            // Buffered with a Content-Length: simple services read nothing from a chunked body.
            using var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(Payload(message, teamId)));
            body.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await _http.PostAsync(rule.Url, body, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"the service answered HTTP {(int)response.StatusCode}");
            }

            return await ReadAnswerAsync(response, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {rule.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"could not reach the service ({ex.HttpRequestError}: {ex.Message})");
        }
        catch (IOException)
        {
            // The service closed the connection while the answer was being read.
            return (null, "the connection broke while reading the answer");
        }
    }

    /// <summary>The JSON body the service receives (serialized with the web defaults).</summary>
    public static object Payload(MessageEvent message, string teamId) => new
    {
        type = "message",
        text = message.Text,
        user = message.User,
        channel = message.Channel,
        ts = message.Ts,
        thread_ts = message.ThreadTs,
        team = teamId,
    };

    public void Dispose() => _http.Dispose();

    private static async Task<(string?, string?)> ReadAnswerAsync(HttpResponseMessage response, CancellationToken token)
    {
        var stream = await response.Content.ReadAsStreamAsync(token);
        var buffer = new byte[MaxAnswerBytes + 1];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), token) is var n && n > 0)
        {
            read += n;
        }

        if (read > MaxAnswerBytes)
        {
            return (null, $"the answer is larger than {MaxAnswerBytes / 1024} KiB");
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return response.Content.Headers.ContentType?.MediaType == "application/json"
            ? FromJson(text)
            : (text.Trim(), null);
    }

    private static (string?, string?) FromJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                ? (text.GetString()!.Trim(), null)
                : (null, "the JSON answer has no \"text\" string");
        }
        catch (JsonException)
        {
            return (null, "the answer is not valid JSON");
        }
    }

    private static async ValueTask<Stream> ConnectAsync(
        ForwardUrlPolicy policy, SocketsHttpConnectionContext context, CancellationToken token)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, token);
        var allowed = addresses.Where(policy.IsAllowedAddress).ToList();
        if (allowed.Count == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError,
                $"{context.DnsEndPoint.Host} resolves only to addresses forward behaviours may not call");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
