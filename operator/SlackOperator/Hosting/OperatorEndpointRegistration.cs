using Microsoft.Extensions.DependencyInjection;
using SlackOperator.Kubernetes.Observability;

namespace SlackOperator.Hosting;

/// <summary>
/// The operator's HTTP port: the runtime's metrics and health endpoint with the operator's own health checks, and
/// the Slack Events API route on the same port.
/// </summary>
internal static class OperatorEndpointRegistration
{
    public static IServiceCollection AddOperatorEndpoint(this IServiceCollection services)
    {
        services.AddMetricsEndpoint()
            .AddCheck<ControllerAliveCheck>("controller", tags: [HealthProbes.Live])
            .AddCheck<InformersSyncedCheck>("informers", tags: [HealthProbes.Ready]);
        services.AddSingleton<IEndpointMapping>(provider => provider.GetRequiredService<SlackEventsEndpoint>());
        return services;
    }
}
