using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SlackOperator.Tests.Support;

/// <summary>
/// Answers requests from a queue of scripted responses, in order, and records each request. Once the script is
/// used up, a request signals <see cref="ScriptDone"/> and hangs until it is cancelled, the way a quiet watch does.
/// </summary>
internal sealed class StubHttpMessageHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script
        = new();

    private readonly TaskCompletionSource _scriptDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Completes when a request arrives after the last scripted response was handed out.</summary>
    public Task ScriptDone => _scriptDone.Task;

    public StubHttpMessageHandler Respond(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    public StubHttpMessageHandler Respond(
        HttpStatusCode status, string body, Action<HttpResponseMessage>? configure = null) =>
        Respond((_, _) =>
        {
            var response = new HttpResponseMessage(status)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    public StubHttpMessageHandler RespondJson(string body) => Respond(HttpStatusCode.OK, body);

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(
            request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        if (_script.TryDequeue(out var responder))
        {
            return await responder(request, cancellationToken);
        }

        _scriptDone.TrySetResult();
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("unreachable: the delay above only ends by cancellation");
    }
}

/// <summary>What a request carried, kept after the request itself is disposed.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body);
