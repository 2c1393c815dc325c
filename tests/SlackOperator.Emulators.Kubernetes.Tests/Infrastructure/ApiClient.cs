using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

/// <summary>A thin JSON client for the emulator's API and control endpoints.</summary>
public sealed class ApiClient(Uri baseUrl) : IDisposable
{
    public const string Bots = "/apis/slackoperator.io/v1alpha1/namespaces/default/slackbots";

    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient Http => _http;

    public Task<ApiResponse> GetAsync(string path, string? accept = null) =>
        SendAsync(HttpMethod.Get, path, null, accept: accept);

    public Task<ApiResponse> PostAsync(string path, JsonNode body) =>
        SendAsync(HttpMethod.Post, path, body.ToJsonString());

    public Task<ApiResponse> PutAsync(string path, JsonNode body) =>
        SendAsync(HttpMethod.Put, path, body.ToJsonString());

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<ApiResponse> PatchAsync(string path, string body,
        string contentType = "application/merge-patch+json") =>
        SendAsync(HttpMethod.Patch, path, body, contentType);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body,
        string contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text[0] is '{' or '[' ? JsonNode.Parse(text) : null;
        return new ApiResponse(response.StatusCode, json, response.Headers, text);
    }

    /// <summary>Creates a SlackBot in the default namespace with a valid minimal spec.</summary>
    public async Task<ApiResponse> CreateBotAsync(string name, JsonObject? labels = null)
    {
        var bot = TestObjects.Bot(name);
        if (labels is not null)
        {
            bot["metadata"]!["labels"] = labels;
        }

        var response = await PostAsync(Bots, bot);
        Assert.True(response.Code == 201, response.ToString());
        return response;
    }

    public void Dispose() => _http.Dispose();
}
