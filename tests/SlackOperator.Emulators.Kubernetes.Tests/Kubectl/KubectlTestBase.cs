using SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

namespace SlackOperator.Emulators.Kubernetes.Tests.Kubectl;

/// <summary>A fresh emulator and kubectl per test.</summary>
public abstract class KubectlTestBase : IAsyncLifetime
{
    private KubeSession? _session;

    protected KubeSession Session => _session ?? throw new InvalidOperationException("not started");

    protected Infrastructure.Kubectl Kubectl => Session.Kubectl;

    public async Task InitializeAsync() => _session = await KubeSession.StartAsync();

    public async Task DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }

    /// <summary>The usual setup: CRD applied and established, token Secret created.</summary>
    protected async Task InstallCrdAndTokenAsync()
    {
        await Kubectl.SucceedAsync("apply", "-f", "crd.yaml");
        await Kubectl.SucceedAsync("wait", "--for=condition=Established",
            "crd/slackbots.slackoperator.io", "--timeout=20s");
        await File.WriteAllTextAsync(Path.Combine(Session.Directory, "token.txt"), "xoxb-test-token");
        await Kubectl.SucceedAsync("create", "secret", "generic", "slack-token", "--from-file=slack-token=token.txt");
    }

    protected async Task ApplyBotAsync()
    {
        await InstallCrdAndTokenAsync();
        await Kubectl.SucceedAsync("apply", "-f", "bot.yaml");
    }

    protected Task<ApiResponse> PatchBotStatusAsync(string status) =>
        Session.Api.PatchAsync($"{ApiClient.Bots}/kittenbot/status", $$"""{"status":{{status}}}""");
}
