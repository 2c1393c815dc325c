using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlackOperator.Behaviours;
using SlackOperator.Bots;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Controllers;
using SlackOperator.Kubernetes.Events;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Kubernetes.LeaderElection;
using SlackOperator.Kubernetes.Queue;
using SlackOperator.Kubernetes.Status;
using SlackOperator.Reconciliation;
using SlackOperator.Slack;
using SlackOperator.Validation;

namespace SlackOperator.Hosting;

/// <summary>Registers everything <c>slack-operator run</c> needs.</summary>
internal static class ServiceRegistration
{
    public const string Component = "slack-operator";

    public static IServiceCollection AddSlackOperator(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<KubernetesClientOptions>().BindConfiguration(KubernetesClientOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ControllerOptions>().BindConfiguration(ControllerOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkQueueOptions>().BindConfiguration("WorkQueue").ValidateDataAnnotations();
        services.AddOptions<InformerOptions>().BindConfiguration("Informer");
        services.AddOptions<SlackClientOptions>().BindConfiguration(SlackClientOptions.SectionName);
        services.AddOptions<LeaderElectionOptions>().BindConfiguration(LeaderElectionOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSlackClient();

        services.AddSingleton(sp =>
            new k8s.Kubernetes(LoadConfig(sp.GetRequiredService<IOptions<KubernetesClientOptions>>().Value)));
        services.AddSingleton<IKubernetesRequestObserver, ApiRequestObserver>();
        services.AddSingleton(sp => new KubernetesApi(
            sp.GetRequiredService<k8s.Kubernetes>(), sp.GetRequiredService<IKubernetesRequestObserver>()));
        services.AddSingleton<SharedInformers>();
        services.AddSingleton<StatusWriter>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<EventRecorder>(sp, Component));
        services.AddSingleton(sp => new TokenResolver(sp.GetRequiredService<SharedInformers>()
            .Secrets(WatchedNamespace(sp)).Cache));
        services.AddOptions<ForwardOptions>().BindConfiguration(ForwardOptions.SectionName);
        services.AddSingleton(sp =>
            new ForwardUrlPolicy(sp.GetRequiredService<IOptions<ForwardOptions>>().Value.AllowLoopback));
        services.AddSingleton<ForwardClient>();
        services.AddSingleton<SpecValidator>();
        services.AddSingleton<EventsApiRoutes>();
        services.AddSingleton<SlackEventsEndpoint>();
        services.AddSingleton<BotHost>();
        services.AddSingleton<SlackBotReconciler>();
        services.AddSingleton<LeaderElector>();
        services.AddHostedService<OperatorService>();
        return services;
    }

    private static string? WatchedNamespace(IServiceProvider services)
    {
        var ns = services.GetRequiredService<IOptions<ControllerOptions>>().Value.Namespace;
        return string.IsNullOrEmpty(ns) ? null : ns;
    }

    private static KubernetesClientConfiguration LoadConfig(KubernetesClientOptions options) =>
        string.IsNullOrEmpty(options.Kubeconfig)
            ? KubernetesClientConfiguration.BuildDefaultConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(options.Kubeconfig);
}
