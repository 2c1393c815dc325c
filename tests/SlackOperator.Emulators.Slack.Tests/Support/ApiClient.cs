using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Slack.Tests.Support;

/// <summary>Calls the emulator's Web API the way a plain HTTP client would, keeping the raw answer.</summary>
internal sealed class ApiClient(SlackEmulator emulator) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public List<string> RawBodies { get; } = [];

    public Task<ApiAnswer> PostFormAsync(string method, string? token, params (string Name, string Value)[] args)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.ApiUrl, method))
        {
            Content = new FormUrlEncodedContent(args.Select(a => KeyValuePair.Create(a.Name, a.Value))),
        };
        Authorize(request, token);
        return SendAsync(request);
    }

    public Task<ApiAnswer> PostJsonAsync(string method, string? token, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.ApiUrl, method))
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        Authorize(request, token);
        return SendAsync(request);
    }

    public Task<ApiAnswer> GetAsync(string method, string query) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.ApiUrl, $"{method}?{query}")));

    public async Task<JsonNode> ControlAsync(string path, JsonObject? body = null)
    {
        var uri = new Uri(emulator.BaseUrl, $"_emulator/{path}");
        using var response = body is null
            ? await _http.GetAsync(uri)
            : await _http.PostAsync(uri, new StringContent(body.ToJsonString(), null, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        RawBodies.Add(text);
        Assert.True(response.IsSuccessStatusCode, $"control {path} answered {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public void Dispose() => _http.Dispose();

    private static void Authorize(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    private async Task<ApiAnswer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            RawBodies.Add(text);
            return new ApiAnswer((int)response.StatusCode, response.Headers, JsonNode.Parse(text)!.AsObject());
        }
    }
}
