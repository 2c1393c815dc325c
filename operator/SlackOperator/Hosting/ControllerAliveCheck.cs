using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace SlackOperator.Hosting;

/// <summary>
/// Alive while the <see cref="OperatorService"/> loop runs: once it ended or failed the process reconciles nothing,
/// so the kubelet should restart it.
/// </summary>
internal sealed class ControllerAliveCheck : IHealthCheck
{
    private readonly IEnumerable<IHostedService> _services;

    public ControllerAliveCheck(IEnumerable<IHostedService> services)
    {
        _services = services;
    }

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var loop = _services.OfType<OperatorService>().FirstOrDefault()?.ExecuteTask;
        var result = loop switch
        {
            null => HealthCheckResult.Unhealthy("the controller loop has not started"),
            { IsFaulted: true } => HealthCheckResult.Unhealthy(
                $"the controller loop failed: {loop.Exception?.GetBaseException().GetType().Name}"),
            { IsCompleted: true } => HealthCheckResult.Unhealthy("the controller loop has ended"),
            _ => HealthCheckResult.Healthy(),
        };
        return Task.FromResult(result);
    }
}
