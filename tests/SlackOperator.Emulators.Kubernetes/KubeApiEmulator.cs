using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlackOperator.Emulators.Kubernetes.Internal;
using SlackOperator.Emulators.Kubernetes.Internal.Handlers;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;
using SlackOperator.Emulators.Kubernetes.Internal.Store;

namespace SlackOperator.Emulators.Kubernetes;

/// <summary>
/// An in-process Kubernetes API server for tests and the demo: plain HTTP on loopback, JSON only, one global
/// resourceVersion counter, and the subset of behaviour kubectl and the operator rely on.
/// </summary>
public sealed class KubeApiEmulator : IAsyncDisposable
{
    private static readonly string[] SeededNamespaces = ["default", "kube-system", "kube-public"];

    private readonly ApiRouter _router;
    private readonly SemaphoreSlim _serverLock = new(1, 1);
    private WebApplication? _app;
    private CancellationTokenSource _lifetime = new();
    private int _port;

    private KubeApiEmulator(KubeApiEmulatorOptions options)
    {
        _port = options.Port;
        Faults = new KubeApiFaults();
        var store = new ObjectStore(options.WatchHistory);
        var registry = new ResourceRegistry();
        var writes = new WritePipeline(store, registry, new Admission(options.TimeProvider), Faults);
        var resources = new ResourceHandler(registry, store, new ListHandler(store, options.TimeProvider),
            new WatchHandler(store, Faults, options), writes);
        var control = new ControlHandler(Faults, () => Requests, () => _ = RestartAsync());
        _router = new ApiRouter(resources, new NonResourceHandler(registry), control, Faults);
        foreach (var ns in SeededNamespaces)
        {
            writes.Create(BuiltInResources.Namespaces, "", new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = ns },
            }, WriteOptions.Default);
        }
    }

    /// <summary>Base address, such as http://127.0.0.1:43123/.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Fault injection, also reachable under /_emulator/faults/.</summary>
    public KubeApiFaults Faults { get; }

    /// <summary>Every API request served so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _router.Requests;

    /// <summary>Starts an emulator listening on 127.0.0.1.</summary>
    public static async Task<KubeApiEmulator> StartAsync(KubeApiEmulatorOptions? options = null,
        CancellationToken ct = default)
    {
        var emulator = new KubeApiEmulator(options ?? new KubeApiEmulatorOptions());
        await emulator.StartServerAsync(ct).ConfigureAwait(false);
        return emulator;
    }

    /// <summary>Writes a kubeconfig that kubectl and KubernetesClient both accept.</summary>
    public void WriteKubeconfig(string path, string @namespace = "default")
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Kubeconfig.Render(BaseUrl, @namespace));
    }

    /// <summary>Cuts every connection and watch and listens again on the same port; the store is kept.</summary>
    public async Task RestartAsync(CancellationToken ct = default)
    {
        await StopServerAsync(ct).ConfigureAwait(false);
        await StartServerAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopServerAsync(CancellationToken.None).ConfigureAwait(false);
        _serverLock.Dispose();
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        await _serverLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, _port));
            var app = builder.Build();
            var lifetime = _lifetime.Token;
            app.Run(context => _router.HandleAsync(context, lifetime));
            await app.StartAsync(ct).ConfigureAwait(false);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
            var address = addresses?.Addresses.First() ?? throw new InvalidOperationException("no address bound");
            _port = new Uri(address).Port;
            _app = app;
        }
        finally
        {
            _serverLock.Release();
        }
    }

    private async Task StopServerAsync(CancellationToken ct)
    {
        await _serverLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await _lifetime.CancelAsync().ConfigureAwait(false);
            _lifetime.Dispose();
            _lifetime = new CancellationTokenSource();
            if (_app is { } app)
            {
                _app = null;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await app.StopAsync(timeout.Token).ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _serverLock.Release();
        }
    }
}
