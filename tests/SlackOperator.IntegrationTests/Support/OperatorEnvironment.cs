using System.Text;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SlackOperator.Emulators.Kubernetes;
using SlackOperator.Emulators.Slack;
using SlackOperator.Entities;
using SlackOperator.Hosting;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Observability;

namespace SlackOperator.IntegrationTests.Support;

/// <summary>
/// Both emulators on loopback, the CRD installed with the real kubectl, and the operator running in-process
/// against them exactly as <c>slack-operator run</c> would (kubeconfig and Slack API URL only).
/// </summary>
public class OperatorEnvironment : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("slackop-it-").FullName;
    private readonly bool _startOperator;
    private readonly IReadOnlyDictionary<string, string?> _operatorSettings;
    private readonly SlackEmulatorOptions? _slackOptions;
    private IHost? _operator;

    public OperatorEnvironment()
        : this(startOperator: true)
    {
    }

    /// <summary>
    /// With <paramref name="startOperator"/> false the operator waits for <see cref="StartOperatorAsync"/>.
    /// </summary>
    internal OperatorEnvironment(bool startOperator, IReadOnlyDictionary<string, string?>? operatorSettings = null,
        SlackEmulatorOptions? slackOptions = null)
    {
        _startOperator = startOperator;
        _slackOptions = slackOptions;
        _operatorSettings = operatorSettings ?? new Dictionary<string, string?>();
    }

    public KubeApiEmulator Kube { get; private set; } = null!;

    public SlackEmulator Slack { get; private set; } = null!;

    public KubernetesApi Api { get; private set; } = null!;

    public Kubectl Kubectl { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public string Kubeconfig => Path.Combine(_work, "kubeconfig");

    public string WorkDirectory => _work;

    /// <summary>Where the operator serves /metrics, /healthz and /readyz: loopback, a port picked at start.</summary>
    public Uri MetricsUrl => _operator?.Services.GetRequiredService<MetricsEndpoint>().Address
        ?? throw new InvalidOperationException("the operator has not started");

    public async Task InitializeAsync()
    {
        Kube = await KubeApiEmulator.StartAsync();
        Slack = await SlackEmulator.StartAsync(_slackOptions);
        Kube.WriteKubeconfig(Kubeconfig);
        Kubectl = new Kubectl(Kubeconfig, _work);
        var config = k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig);
        Api = new KubernetesApi(new k8s.Kubernetes(config), new NoRateLimit());
        await Kubectl.OkAsync("apply", "-f", RepoPaths.Of("crds"));
        await Kubectl.OkAsync("wait", "--for=condition=Established", "crd/slackbots.slackoperator.io", "--timeout=30s");
        if (_startOperator)
        {
            await StartOperatorAsync(Kubeconfig, _operatorSettings);
        }
    }

    /// <summary>Starts the operator in-process with its own kubeconfig, which may differ from the test's.</summary>
    public async Task StartOperatorAsync(string kubeconfig, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _operator = BuildOperator(kubeconfig, settings ?? new Dictionary<string, string?>());
        await _operator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        // Each step runs even when an earlier one failed, so one failure never leaves servers or files behind;
        // the failure itself still fails the test class.
        try
        {
            if (_operator is not null)
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                await _operator.StopAsync(stop.Token);
                _operator.Dispose();
            }
        }
        finally
        {
            try
            {
                await Slack.DisposeAsync();
            }
            finally
            {
                await Kube.DisposeAsync();
                Directory.Delete(_work, recursive: true);
            }
        }
    }

    public Task CreateNamespaceAsync(string name) =>
        Api.CreateAsync(new ResourceType(string.Empty, "v1", "namespaces", "Namespace", false), null,
            new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = name } },
            CancellationToken.None);

    public Task CreateSecretAsync(string ns, string name, string key, string value) =>
        Api.CreateAsync(ResourceType.Secrets, ns, new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Data = new Dictionary<string, byte[]> { [key] = Encoding.UTF8.GetBytes(value) },
        }, CancellationToken.None);

    public Task CreateBotAsync(string ns, string name, SlackBotSpec spec) =>
        Api.CreateAsync(ResourceType.For<SlackBot>(), ns, new SlackBot
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = spec,
        }, CancellationToken.None);

    public async Task<SlackBot> GetBotAsync(string ns, string name) =>
        await Api.GetAsync<SlackBot>(ResourceType.For<SlackBot>(), ns, name, CancellationToken.None)
        ?? throw new InvalidOperationException($"SlackBot {ns}/{name} not found");

    /// <summary>Polls the SlackBot until its condition satisfies <paramref name="match"/> or time runs out.</summary>
    public async Task<SlackBot> WaitForConditionAsync(
        string ns, string name, string type, Func<StatusCondition, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        SlackBot bot;
        do
        {
            bot = await GetBotAsync(ns, name);
            var condition = bot.Status?.Conditions?.FirstOrDefault(c => c.Type == type);
            if (condition is not null && match(condition))
            {
                return bot;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        var conditions = string.Join("; ",
            bot.Status?.Conditions?.Select(c => $"{c.Type}={c.Status}/{c.Reason}: {c.Message}") ?? []);
        throw new Xunit.Sdk.XunitException($"{ns}/{name} condition {type} never matched; last seen: {conditions}");
    }

    public static SlackBotSpec Spec(string botSecret, string botKey, string appSecret, string appKey,
        params ChannelSpec[] channels) => new()
    {
        BotToken = new TokenSource { SecretKeyRef = new SecretKeySelector { Name = botSecret, Key = botKey } },
        AppToken = new TokenSource { SecretKeyRef = new SecretKeySelector { Name = appSecret, Key = appKey } },
        Channels = [.. channels],
    };

    private IHost BuildOperator(string kubeconfig, IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = new HostApplicationBuilderSettings { Args = [], DisableDefaults = true };
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kubernetes:Kubeconfig"] = kubeconfig,
            ["Slack:ApiBaseUrl"] = Slack.ApiUrl.ToString(),
            ["Slack:HelloTimeout"] = "00:00:02",
            ["Slack:InitialReconnectDelay"] = "00:00:00.200",
            ["Slack:MaxReconnectDelay"] = "00:00:02",
            ["Metrics:BindAddress"] = "127.0.0.1",
            ["Metrics:Port"] = "0",

            // The forward behaviour tests answer from a server on loopback, which the operator refuses by default.
            ["Forward:AllowLoopback"] = "true",
        });
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(Logs);
        builder.Services.AddSlackOperator();
        builder.Services.AddOperatorEndpoint();
        return builder.Build();
    }

    private sealed class NoRateLimit : IKubernetesRequestObserver
    {
        public ValueTask BeforeRequestAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public void OnResponse(string verb, ResourceType type, int statusCode)
        {
        }
    }
}
