using Microsoft.Extensions.DependencyInjection;

namespace SlackOperator.Hosting;

/// <summary>Registers the metrics and health endpoint; kept apart from <c>AddSlackOperator</c> so hosts that do
/// not want a listening port (tests of other features, a second in-process operator) do not get one.</summary>
internal static class MetricsEndpointRegistration
{
    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => options.HasValidBindAddress,
                "Metrics:BindAddress must be an IP address, such as 0.0.0.0 or 127.0.0.1")
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<ControllerAliveCheck>("controller", tags: [HealthProbes.Live])
            .AddCheck<InformersSyncedCheck>("informers", tags: [HealthProbes.Ready]);
        services.AddSingleton<MetricsEndpoint>();
        services.AddHostedService(provider => provider.GetRequiredService<MetricsEndpoint>());
        return services;
    }
}
