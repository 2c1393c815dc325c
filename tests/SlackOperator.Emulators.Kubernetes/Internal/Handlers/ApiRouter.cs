using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SlackOperator.Emulators.Kubernetes.Internal.Api;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>The single entry point: control API, injected failures, resources, then everything else.</summary>
internal sealed class ApiRouter(ResourceHandler resources, NonResourceHandler nonResources, ControlHandler control,
    KubeApiFaults faults)
{
    /// <summary>Enough for any test; keeps a long demo run from growing without bound.</summary>
    private const int MaxRecorded = 50_000;

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public async Task HandleAsync(HttpContext context, CancellationToken stop)
    {
        var path = context.Request.Path.Value ?? "/";
        var ct = context.RequestAborted;
        if (path.StartsWith("/_emulator/", StringComparison.Ordinal))
        {
            await GuardAsync(context, () => control.HandleAsync(context, ct)).ConfigureAwait(false);
            return;
        }

        var watch = context.Request.Query["watch"] is var w && (w == "true" || w == "1");
        var info = RequestInfo.Parse(context.Request.Method, path, watch);
        try
        {
            await GuardAsync(context, () => DispatchAsync(context, info, stop)).ConfigureAwait(false);
        }
        finally
        {
            Record(context, info, path);
        }
    }

    private async Task DispatchAsync(HttpContext context, RequestInfo? info, CancellationToken stop)
    {
        if (faults.TakeFailure() is { } failure)
        {
            context.Response.Headers.RetryAfter = failure.RetryAfter.ToString(CultureInfo.InvariantCulture);
            throw InjectedFailure(failure.StatusCode, failure.RetryAfter);
        }

        if (info is null)
        {
            await nonResources.HandleAsync(context, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await resources.HandleAsync(context, info, stop).ConfigureAwait(false);
    }

    private static async Task GuardAsync(HttpContext context, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await HttpIo.WriteAsync(context, e.Code, e.ToStatus(), context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody left to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            // An emulator bug must still look like an API server failure, with the cause visible to the test.
            var status = StatusFactory.Failure(500, "InternalError", $"Internal error occurred: {e}", null);
            await HttpIo.WriteAsync(context, 500, status, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private void Record(HttpContext context, RequestInfo? info, string path)
    {
        _requests.Enqueue(info is null
            ? new RecordedRequest("get", "", "", "", "", "", "", context.Response.StatusCode, path)
            : new RecordedRequest(info.Verb, info.Group, info.Version, info.Resource, info.Subresource,
                info.Namespace, info.Name, context.Response.StatusCode, path));
        while (_requests.Count > MaxRecorded)
        {
            _requests.TryDequeue(out _);
        }
    }

    private static ApiException InjectedFailure(int code, int retryAfter)
    {
        var details = new JsonObject { ["retryAfterSeconds"] = retryAfter };
        return code switch
        {
            429 => new ApiException(429, "TooManyRequests", "Too many requests, please try again later.", details),
            500 => new ApiException(500, "InternalError", "Internal error occurred: injected fault", details),
            503 => new ApiException(503, "ServiceUnavailable", "The server is currently unable to handle the request",
                details),
            _ => new ApiException(code, "Unknown", "injected fault", details),
        };
    }
}
