using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlackOperator.Bench;

/// <summary>
/// The benchmark's own HTTP client for the Kubernetes emulator. It counts every API request it sends by verb and
/// resource, so those can be told apart from the operator's in the emulator's request log.
/// </summary>
internal sealed class KubeApi : IDisposable
{
    public const string BotsPath = "/apis/slackoperator.io/v1alpha1/slackbots";

    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, int> _sent = new(StringComparer.Ordinal);

    public KubeApi(Uri server, string token)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false };
        _http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("slack-operator-bench/1.0");
    }

    /// <summary>API requests this client sent, keyed like <see cref="RequestLog.Key"/>.</summary>
    public IReadOnlyDictionary<string, int> Sent => _sent;

    public int SentTotal => _sent.Values.Sum();

    /// <summary>The emulator's kubeconfig has one static token; read it rather than assume it.</summary>
    public static string ReadToken(string kubeconfig) =>
        File.ReadLines(kubeconfig).Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("token:", StringComparison.Ordinal))?["token:".Length..].Trim()
        ?? throw new InvalidOperationException($"no token in {kubeconfig}");

    /// <summary>Creates an object; an existing one counts as done. Retries 429 and 5xx a few times.</summary>
    public async Task CreateAsync(string collectionPath, string resource, JsonObject body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            _sent.AddOrUpdate(RequestLog.Key("create", resource, ""), 1, (_, n) => n + 1);
            using var response = await _http.PostAsJsonAsync(collectionPath, body, ct);
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
            {
                return;
            }

            var retriable = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            if (!retriable || attempt >= 5)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                throw new HttpRequestException($"POST {collectionPath}: {(int)response.StatusCode} {text}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
        }
    }

    /// <summary>Lists every SlackBot in one request and counts those Ready for their current generation.</summary>
    public async Task<(int Total, int Ready)> CountReadyBotsAsync(CancellationToken ct)
    {
        _sent.AddOrUpdate(RequestLog.Key("list", "slackbots", ""), 1, (_, n) => n + 1);
        await using var stream = await _http.GetStreamAsync(BotsPath, ct);
        using var list = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        int total = 0, ready = 0;
        foreach (var item in list.RootElement.GetProperty("items").EnumerateArray())
        {
            total++;
            if (IsReady(item))
            {
                ready++;
            }
        }

        return (total, ready);
    }

    /// <summary>The emulator's request log (its control API is not recorded in it).</summary>
    public async Task<JsonArray> GetRecordedRequestsAsync(CancellationToken ct) =>
        await _http.GetFromJsonAsync<JsonArray>("/_emulator/requests", ct)
        ?? throw new InvalidOperationException("empty request log");

    public void Dispose() => _http.Dispose();

    private static bool IsReady(JsonElement bot)
    {
        if (!bot.TryGetProperty("status", out var status)
            || !status.TryGetProperty("conditions", out var conditions)
            || conditions.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var generation = bot.GetProperty("metadata").TryGetProperty("generation", out var g) ? g.GetInt64() : 0;
        if (status.TryGetProperty("observedGeneration", out var observed) && observed.GetInt64() != generation)
        {
            return false;
        }

        foreach (var condition in conditions.EnumerateArray())
        {
            if (condition.GetProperty("type").GetString() == "Ready")
            {
                return condition.GetProperty("status").GetString() == "True";
            }
        }

        return false;
    }
}
