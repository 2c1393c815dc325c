using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Controllers;
using SlackOperator.Kubernetes.Informers;

namespace SlackOperator.Hosting;

/// <summary>
/// Ready once the SlackBot and Secret informers have their first list in the cache: before that the operator would
/// reconcile against an empty picture.
/// </summary>
internal sealed class InformersSyncedCheck : IHealthCheck
{
    private readonly SharedInformers _informers;
    private readonly string? _namespace;

    public InformersSyncedCheck(SharedInformers informers, IOptions<ControllerOptions> options)
    {
        _informers = informers;
        _namespace = string.IsNullOrEmpty(options.Value.Namespace) ? null : options.Value.Namespace;
    }

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        // SharedInformers hands out the same instances the operator runs, keyed by resource and namespace.
        var slackBots = _informers.For<SlackBot>(ResourceType.For<SlackBot>(), _namespace);
        var secrets = _informers.Secrets(_namespace);
        var waiting = new[]
        {
            slackBots.HasSynced ? null : slackBots.Type.Plural,
            secrets.HasSynced ? null : secrets.Type.Plural,
        }.OfType<string>().ToList();
        return Task.FromResult(waiting.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"informers not synced yet: {string.Join(", ", waiting)}"));
    }
}
