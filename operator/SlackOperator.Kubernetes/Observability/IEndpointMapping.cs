using Microsoft.AspNetCore.Routing;

namespace SlackOperator.Kubernetes.Observability;

/// <summary>
/// Routes another component serves on the <see cref="MetricsEndpoint"/>'s port, so a controller that must also
/// receive HTTP (webhooks, callbacks) opens no second port. Every registered mapping is added at start.
/// </summary>
public interface IEndpointMapping
{
    /// <summary>Adds this component's routes.</summary>
    void Map(IEndpointRouteBuilder endpoints);
}
