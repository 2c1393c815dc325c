using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Slack;

/// <summary>Registers the Slack client.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds one <see cref="ISlackWebApi"/> on one pooled HTTP handler, shared by every bot.</summary>
    public static IServiceCollection AddSlackClient(this IServiceCollection services)
    {
        services.AddOptions<SlackClientOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(nameof(SlackWebApi), http =>
            {
                // Each attempt has its own timeout from the options; the client-wide one only backs it up.
                http.Timeout = TimeSpan.FromMinutes(5);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 64,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // One instance for the process: the rate-limit gate, posting pace and connection-open limit it holds
        // must be shared by every bot to mean anything.
        services.AddSingleton<ISlackWebApi>(sp => ActivatorUtilities.CreateInstance<SlackWebApi>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SlackWebApi))));
        services.AddSingleton<IValidateOptions<SlackClientOptions>, SlackClientOptionsValidator>();
        return services;
    }
}
