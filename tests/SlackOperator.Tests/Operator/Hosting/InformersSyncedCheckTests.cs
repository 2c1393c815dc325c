using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SlackOperator.Hosting;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Controllers;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Tests.Support;

namespace SlackOperator.Tests.Operator.Hosting;

public sealed class InformersSyncedCheckTests : IAsyncLifetime
{
    private const string EmptyList = """{"kind":"List","metadata":{"resourceVersion":"1"},"items":[]}""";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private readonly StubHttpMessageHandler _server = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _runs = [];
    private SharedInformers _informers = null!;

    public Task InitializeAsync()
    {
        var api = new KubernetesApi(new Uri("https://kubernetes.test"), new HttpClient(_server),
            (_, _) => Task.CompletedTask, Mock.Of<IKubernetesRequestObserver>());
        _informers = new SharedInformers(api, Options.Create(new InformerOptions()), new FakeTimeProvider(),
            NullLoggerFactory.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_runs).WaitAsync(Patience);
        _stop.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task CheckHealthAsync_NothingListedYet_UnhealthyNamingBothInformers()
    {
        var result = await CreateSut().CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal((HealthStatus.Unhealthy, "informers not synced yet: slackbots, secrets"),
            (result.Status, result.Description));
    }

    [Fact]
    public async Task CheckHealthAsync_OnlySlackBotsListed_UnhealthyNamingSecrets()
    {
        var sut = CreateSut();
        _server.RespondJson(EmptyList);
        Start<Entities.SlackBot>(ResourceType.For<Entities.SlackBot>());

        await _server.ScriptDone.WaitAsync(Patience);
        var result = await sut.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal((HealthStatus.Unhealthy, "informers not synced yet: secrets"),
            (result.Status, result.Description));
    }

    [Fact]
    public async Task CheckHealthAsync_BothListed_Healthy()
    {
        var sut = CreateSut();
        _server.RespondJson(EmptyList);
        Start<Entities.SlackBot>(ResourceType.For<Entities.SlackBot>());
        await _server.ScriptDone.WaitAsync(Patience);

        // The SlackBot watch now waits quietly, so the next answer goes to the Secret list.
        _server.RespondJson(EmptyList);
        _runs.Add(_informers.Secrets("ns").RunAsync(_stop.Token));

        var result = await CheckUntilHealthyAsync(sut);
        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private static async Task<HealthCheckResult> CheckUntilHealthyAsync(InformersSyncedCheck sut)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var result = await sut.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);
            if (result.Status == HealthStatus.Healthy || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(10);
        }
    }

    private void Start<T>(ResourceType type)
        where T : class, k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> =>
        _runs.Add(_informers.For<T>(type, "ns").RunAsync(_stop.Token));

    private InformersSyncedCheck CreateSut() =>
        new(_informers, Options.Create(new ControllerOptions { Namespace = "ns" }));

}
