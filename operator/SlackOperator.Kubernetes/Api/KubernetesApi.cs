using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using k8s;

namespace SlackOperator.Kubernetes.Api;

/// <summary>
/// The REST calls the runtime makes, on the HTTP client and credentials of a <see cref="IKubernetes"/> built
/// from a kubeconfig or the in-cluster service account. Errors become <see cref="KubernetesApiException"/>.
/// </summary>
public sealed class KubernetesApi
{
    private const int PageSize = 500;
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private readonly Uri _baseUri;
    private readonly HttpClient _http;
    private readonly Func<HttpRequestMessage, CancellationToken, Task> _authenticate;
    private readonly IKubernetesRequestObserver _observer;

    /// <summary>
    /// How long any request other than a watch may take, body included. The HTTP client has no timeout of its
    /// own (watches are long), so without this a server or load balancer that stops answering would hold a
    /// worker, a lease renewal or a relist forever. A request past it fails as a transport error.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How much longer than its own <c>timeoutSeconds</c> a watch may stay open before the stream counts
    /// as dead; the server closes a live watch at its timeout.</summary>
    public TimeSpan WatchGrace { get; init; } = TimeSpan.FromSeconds(30);

    public KubernetesApi(k8s.Kubernetes client, IKubernetesRequestObserver observer)
        : this(client.BaseUri, client.HttpClient, (request, token) =>
            client.Credentials?.ProcessHttpRequestAsync(request, token) ?? Task.CompletedTask, observer)
    {
    }

    internal KubernetesApi(
        Uri baseUri, HttpClient http, Func<HttpRequestMessage, CancellationToken, Task> authenticate,
        IKubernetesRequestObserver observer)
    {
        _baseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        _http = http;
        _authenticate = authenticate;
        _observer = observer;
    }

    /// <summary>Lists every object, page by page, and returns the resourceVersion of the whole list.</summary>
    /// <param name="type">The resource.</param>
    /// <param name="namespace">The namespace, null for all.</param>
    /// <param name="fieldSelector">A server-side filter such as <c>type=Opaque</c>, or null.</param>
    /// <param name="token">Cancels the list.</param>
    public async Task<ListResult<T>> ListAsync<T>(
        ResourceType type, string? @namespace, string? fieldSelector, CancellationToken token)
    {
        var items = new List<T>();
        string? next = null;
        string resourceVersion;
        do
        {
            var query = $"?limit={PageSize}" + SelectorQuery(fieldSelector)
                + (next is null ? string.Empty : $"&continue={Uri.EscapeDataString(next)}");
            using var document = await SendForJsonAsync(
                HttpMethod.Get, type.CollectionPath(@namespace) + query, null, null, "list", type, token)
                .ConfigureAwait(false);
            var root = document.RootElement;
            if (root.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                items.AddRange(array.EnumerateArray().Select(KubeJson.Deserialize<T>));
            }

            var metadata = root.GetProperty("metadata");
            resourceVersion = metadata.TryGetProperty("resourceVersion", out var rv) ? rv.GetString() ?? "" : "";
            next = metadata.TryGetProperty("continue", out var cont) ? cont.GetString() : null;
        }
        while (!string.IsNullOrEmpty(next));

        return new ListResult<T>(items, resourceVersion);
    }

    /// <summary>
    /// Streams changes after <paramref name="resourceVersion"/> until the server or token ends it. A stream still
    /// open well past <paramref name="timeout"/> has lost its server without a word (a dropped connection behind
    /// a load balancer): it ends with an <see cref="HttpRequestException"/> so the caller watches again.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(
        ResourceType type, string? @namespace, string? fieldSelector, string resourceVersion, TimeSpan timeout,
        [EnumeratorCancellation] CancellationToken token)
    {
        var path = type.CollectionPath(@namespace) + "?watch=true&allowWatchBookmarks=true"
            + $"&resourceVersion={Uri.EscapeDataString(resourceVersion)}&timeoutSeconds={(int)timeout.TotalSeconds}"
            + SelectorQuery(fieldSelector);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
        deadline.CancelAfter(timeout + WatchGrace);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUri, path.TrimStart('/')));
        using var response = await WithDeadline(
            () => SendAsync(request, "watch", type, HttpCompletionOption.ResponseHeadersRead, deadline.Token),
            "watch", type, token).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
        await using var streamScope = stream.ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await WithDeadline(() => reader.ReadLineAsync(deadline.Token).AsTask(), "watch", type, token)
            .ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0)
            {
                yield return ParseWatchLine(line);
            }
        }
    }

    /// <summary>Reads one object; null when it does not exist.</summary>
    public async Task<T?> GetAsync<T>(ResourceType type, string? @namespace, string name, CancellationToken token)
        where T : class
    {
        try
        {
            using var document = await SendForJsonAsync(
                HttpMethod.Get, type.ObjectPath(@namespace, name), null, null, "get", type, token)
                .ConfigureAwait(false);
            return KubeJson.Deserialize<T>(document.RootElement);
        }
        catch (KubernetesApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates an object.</summary>
    public Task<T> CreateAsync<T>(ResourceType type, string? @namespace, T value, CancellationToken token) =>
        SendObjectAsync<T>(HttpMethod.Post, type.CollectionPath(@namespace), Body(value), "create", type, token);

    /// <summary>Replaces an object (optimistic concurrency through its resourceVersion).</summary>
    public Task<T> ReplaceAsync<T>(
        ResourceType type, string? @namespace, string name, T value, CancellationToken token) =>
        SendObjectAsync<T>(HttpMethod.Put, type.ObjectPath(@namespace, name), Body(value), "update", type, token);

    /// <summary>Replaces the status subresource; 409 when the object moved on since it was read.</summary>
    public Task<T> ReplaceStatusAsync<T>(
        ResourceType type, string? @namespace, string name, T value, CancellationToken token) =>
        SendObjectAsync<T>(HttpMethod.Put, type.ObjectPath(@namespace, name, "status"), Body(value), "update", type,
            token);

    /// <summary>Applies a JSON merge patch (RFC 7386).</summary>
    public Task<T> MergePatchAsync<T>(
        ResourceType type, string? @namespace, string name, string patch, CancellationToken token)
    {
        var content = new StringContent(patch, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        return SendObjectAsync<T>(HttpMethod.Patch, type.ObjectPath(@namespace, name), content, "patch", type, token);
    }

    private static HttpContent Body<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, KubeJson.Options));
        content.Headers.ContentType = JsonType;
        return content;
    }

    private async Task<T> SendObjectAsync<T>(
        HttpMethod method, string path, HttpContent content, string verb, ResourceType type, CancellationToken token)
    {
        using var document = await SendForJsonAsync(method, path, content, null, verb, type, token)
            .ConfigureAwait(false);
        return KubeJson.Deserialize<T>(document.RootElement);
    }

    private async Task<JsonDocument> SendForJsonAsync(
        HttpMethod method, string path, HttpContent? content, string? accept, string verb, ResourceType type,
        CancellationToken token)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
        deadline.CancelAfter(RequestTimeout);
        return await WithDeadline(
            () => SendForJsonOnceAsync(method, path, content, accept, verb, type, deadline.Token), verb, type, token)
            .ConfigureAwait(false);
    }

    private async Task<JsonDocument> SendForJsonOnceAsync(
        HttpMethod method, string path, HttpContent? content, string? accept, string verb, ResourceType type,
        CancellationToken token)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseUri, path.TrimStart('/')))
        {
            Content = content,
        };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await SendAsync(request, verb, type, HttpCompletionOption.ResponseContentRead, token)
            .ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        await using var streamScope = stream.ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, cancellationToken: token).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, string verb, ResourceType type, HttpCompletionOption completion,
        CancellationToken token)
    {
        request.Headers.Accept.Add(AcceptJson);
        await _observer.BeforeRequestAsync(token).ConfigureAwait(false);
        await _authenticate(request, token).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, token).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            _observer.OnResponse(verb, type, 0);
            throw;
        }

        _observer.OnResponse(verb, type, (int)response.StatusCode);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(response, token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs a step under a deadline linked to <paramref name="token"/>: when the deadline rather than the caller
    /// cancelled it, the server stopped answering, which callers handle like any lost connection.
    /// </summary>
    private async Task<TResult> WithDeadline<TResult>(
        Func<Task<TResult>> step, string verb, ResourceType type, CancellationToken token)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!token.IsCancellationRequested)
        {
            // Counted like any request that got no answer (code 0).
            _observer.OnResponse(verb, type, 0);
            throw new HttpRequestException($"the API server stopped answering a request for {type.Plural}", ex);
        }
    }

    private static string SelectorQuery(string? fieldSelector) =>
        string.IsNullOrEmpty(fieldSelector) ? string.Empty : $"&fieldSelector={Uri.EscapeDataString(fieldSelector)}";

    private static async Task<KubernetesApiException> ToExceptionAsync(
        HttpResponseMessage response, CancellationToken token)
    {
        var body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        string? reason = null;
        var message = $"HTTP {(int)response.StatusCode}";
        try
        {
            using var status = JsonDocument.Parse(body);
            reason = status.RootElement.TryGetProperty("reason", out var r) ? r.GetString() : null;
            message = status.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? message : message;
        }
        catch (JsonException)
        {
            // Not a Status object (a proxy's error page, say); the HTTP code alone has to do.
        }

        return new KubernetesApiException(response.StatusCode, reason, message, retryAfter);
    }

    private static WatchEvent ParseWatchLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString() switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            _ => WatchEventType.Error,
        };
        return new WatchEvent(type, root.GetProperty("object").Clone());
    }
}
