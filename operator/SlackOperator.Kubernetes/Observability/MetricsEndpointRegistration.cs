using Microsoft.Extensions.DependencyInjection;

namespace SlackOperator.Kubernetes.Observability;

/// <summary>Registers the metrics and health endpoint; kept apart from the rest of an operator's registrations so
/// hosts that do not want a listening port (tests of other features, a second in-process operator) get none.
/// </summary>
public static class MetricsEndpointRegistration
{
    /// <summary>
    /// Adds the endpoint, bound to the <c>Metrics</c> configuration section, and returns the health checks builder
    /// so the caller adds the checks behind <c>/healthz</c> (tagged <see cref="HealthProbes.Live"/>) and
    /// <c>/readyz</c>.
    /// </summary>
    public static IHealthChecksBuilder AddMetricsEndpoint(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => options.HasValidBindAddress,
                "Metrics:BindAddress must be an IP address, such as 0.0.0.0 or 127.0.0.1")
            .ValidateOnStart();
        services.AddSingleton<MetricsEndpoint>();
        services.AddHostedService(provider => provider.GetRequiredService<MetricsEndpoint>());
        return services.AddHealthChecks();
    }
}
