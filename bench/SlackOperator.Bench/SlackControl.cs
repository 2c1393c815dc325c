using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SlackOperator.Bench;

/// <summary>The Slack emulator's control API: install one app per bot and read connection counts.</summary>
internal sealed class SlackControl(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The emulator names the tokens after the bot: xoxb-emulator-NAME and xapp-1-emulator-NAME.</summary>
    public static (string Bot, string App) Tokens(string appName) =>
        ($"xoxb-emulator-{appName}", $"xapp-1-emulator-{appName}");

    public async Task AddAppAsync(string appName, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync(
            "_emulator/apps", new JsonObject { ["bot_name"] = appName }, ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"creating Slack app {appName}: {(int)response.StatusCode} {text}");
        }
    }

    /// <summary>Sums of the per-app delivery stats: sockets open now and ever opened.</summary>
    public async Task<(int Open, int Opened)> ConnectionsAsync(CancellationToken ct)
    {
        var stats = await _http.GetFromJsonAsync<JsonObject>("_emulator/stats", ct);
        int open = 0, opened = 0;
        foreach (var app in stats?["apps"]?.AsArray() ?? [])
        {
            open += app?["open_connections"]?.GetValue<int>() ?? 0;
            opened += app?["connections_opened"]?.GetValue<int>() ?? 0;
        }

        return (open, opened);
    }

    public void Dispose() => _http.Dispose();
}
