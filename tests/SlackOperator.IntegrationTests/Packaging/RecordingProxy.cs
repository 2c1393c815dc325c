using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SlackOperator.IntegrationTests.Packaging;

/// <summary>
/// A loopback reverse proxy in front of the Kubernetes API emulator that records every request it forwards.
/// Only the operator is given its address, so what it records is the operator's traffic and nothing else;
/// responses (watch streams included) are passed on as they arrive.
/// </summary>
internal sealed class RecordingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Content-Length",
    };

    private readonly ConcurrentQueue<ProxiedRequest> _requests = new();
    private readonly HttpClient _upstream = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Uri _target;
    private WebApplication? _app;

    private RecordingProxy(Uri target)
    {
        _target = target;
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ProxiedRequest> Requests => [.. _requests];

    public static async Task<RecordingProxy> StartAsync(Uri target)
    {
        var proxy = new RecordingProxy(target);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        proxy.Url = new Uri(address);
        proxy._app = app;
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }

        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        var watch = request.Query["watch"] is var w && (w == "true" || w == "1");
        _requests.Enqueue(new ProxiedRequest(request.Method, request.Path.Value ?? "/", watch));
        var ct = context.RequestAborted;
        try
        {
            using var message = ToUpstream(request);
            using var response = await _upstream.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopHeaders.Contains(name))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await body.CopyToAsync(context.Response.Body, ct);
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            // The operator hung up (a watch it ended, or shutdown); there is nobody left to answer.
        }
    }

    private HttpRequestMessage ToUpstream(HttpRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method),
            new Uri(_target, request.Path.ToUriComponent() + request.QueryString.ToUriComponent()));
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            message.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!HopHeaders.Contains(name) && !message.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        return message;
    }
}
