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

    /// <summary>Installs an app and returns its bot user's id.</summary>
    public async Task<string> AddAppAsync(string appName, CancellationToken ct)
    {
        var app = await PostAsync("_emulator/apps", new JsonObject { ["bot_name"] = appName }, ct);
        return app["bot_user_id"]?.GetValue<string>() ?? throw new HttpRequestException($"no bot user for {appName}");
    }

    /// <summary>Adds a workspace member and returns its user id.</summary>
    public async Task<string> AddUserAsync(string name, CancellationToken ct)
    {
        var user = await PostAsync("_emulator/users", new JsonObject { ["name"] = name }, ct);
        return user["id"]?.GetValue<string>() ?? throw new HttpRequestException($"no id for user {name}");
    }

    /// <summary>Creates a channel with its members in place, so no member_joined_channel events are sent.</summary>
    public Task AddChannelAsync(string name, IEnumerable<string> memberIds, CancellationToken ct) =>
        PostAsync("_emulator/channels", new JsonObject
        {
            ["name"] = name,
            ["members"] = new JsonArray([.. memberIds.Select(id => (JsonNode)id)]),
        }, ct);

    /// <summary>Posts as a user, returns the message's ts.</summary>
    public async Task<string> PostMessageAsync(string channel, string userId, string text, CancellationToken ct)
    {
        var posted = await PostAsync("_emulator/messages",
            new JsonObject { ["channel"] = channel, ["user"] = userId, ["text"] = text }, ct);
        return posted["ts"]?.GetValue<string>() ?? throw new HttpRequestException("no ts for a posted message");
    }

    /// <summary>Every message of a channel, oldest first, as the emulator stores them.</summary>
    public async Task<JsonArray> MessagesAsync(string channel, CancellationToken ct) =>
        await _http.GetFromJsonAsync<JsonArray>($"_emulator/messages?channel={Uri.EscapeDataString(channel)}", ct)
        ?? [];

    /// <summary>Count and percentiles of the envelopes' send-to-ack times since the last reset.</summary>
    public async Task<JsonObject> AckLatencyAsync(CancellationToken ct) =>
        await _http.GetFromJsonAsync<JsonObject>("_emulator/ack-latency", ct) ?? [];

    public Task ResetAckLatencyAsync(CancellationToken ct) => PostAsync("_emulator/ack-latency/reset", [], ct);

    /// <summary>The per-app Socket Mode counters summed over every app.</summary>
    public async Task<LinkTotals> LinkTotalsAsync(CancellationToken ct)
    {
        var stats = await _http.GetFromJsonAsync<JsonObject>("_emulator/stats", ct);
        var totals = new LinkTotals();
        foreach (var app in stats?["apps"]?.AsArray() ?? [])
        {
            totals = totals.Add(
                app?["open_connections"]?.GetValue<int>() ?? 0,
                app?["connections_opened"]?.GetValue<int>() ?? 0,
                app?["deliveries"]?.GetValue<int>() ?? 0,
                app?["redeliveries"]?.GetValue<int>() ?? 0,
                app?["acks"]?.GetValue<int>() ?? 0);
        }

        return totals;
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

    private async Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /{path}: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text) as JsonObject ?? [];
    }
}
