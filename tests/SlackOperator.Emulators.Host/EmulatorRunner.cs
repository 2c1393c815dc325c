using SlackOperator.Emulators.Kubernetes;
using SlackOperator.Emulators.Slack;

namespace SlackOperator.Emulators.Host;

/// <summary>Starts the emulators the command asked for and keeps them until shutdown.</summary>
internal sealed class EmulatorRunner : IAsyncDisposable
{
    private KubeApiEmulator? _kube;
    private SlackEmulator? _slack;

    public static async Task<EmulatorRunner> StartAsync(HostArguments arguments, CancellationToken ct)
    {
        var runner = new EmulatorRunner();
        if (arguments.RunsKube)
        {
            await runner.StartKubeAsync(arguments, ct);
        }

        // The Slack dispatch point: `emulator slack` and `emulator all` start the Slack emulator here.
        if (arguments.RunsSlack)
        {
            var options = new SlackEmulatorOptions { Port = arguments.SlackPort };
            runner._slack = await SlackEmulator.StartAsync(options, ct);
            Console.WriteLine($"slack emulator listening on {runner._slack.BaseUrl}");
        }

        return runner;
    }

    public async Task WaitForShutdownAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("emulators stopping");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_slack is not null)
        {
            await _slack.DisposeAsync();
        }

        if (_kube is not null)
        {
            await _kube.DisposeAsync();
        }
    }

    private async Task StartKubeAsync(HostArguments arguments, CancellationToken ct)
    {
        _kube = await KubeApiEmulator.StartAsync(new KubeApiEmulatorOptions { Port = arguments.KubePort }, ct);
        Console.WriteLine($"kubernetes emulator listening on {_kube.BaseUrl}");
        if (arguments.Kubeconfig is not null)
        {
            _kube.WriteKubeconfig(arguments.Kubeconfig, arguments.Namespace);
            Console.WriteLine($"kubeconfig written to {arguments.Kubeconfig}");
        }
    }
}
