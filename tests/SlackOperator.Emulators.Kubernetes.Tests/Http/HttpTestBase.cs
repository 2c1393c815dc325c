using SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

namespace SlackOperator.Emulators.Kubernetes.Tests.Http;

/// <summary>A fresh emulator with the SlackBot CRD installed, per test.</summary>
public abstract class HttpTestBase : IAsyncLifetime
{
    private KubeSession? _session;

    protected KubeSession Session => _session ?? throw new InvalidOperationException("not started");

    protected ApiClient Api => Session.Api;

    protected KubeApiEmulator Emulator => Session.Emulator;

    protected virtual KubeApiEmulatorOptions Options => new();

    public async Task InitializeAsync()
    {
        _session = await KubeSession.StartAsync(Options);
        await _session.InstallCrdAsync();
    }

    public async Task DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }

    protected Task<WatchStream> WatchAsync(string query) =>
        WatchStream.OpenAsync(Api.Http, $"{ApiClient.Bots}?watch=true&{query}");

    protected static long Rv(ApiResponse response) => long.Parse(response.Str("metadata", "resourceVersion")!);
}
