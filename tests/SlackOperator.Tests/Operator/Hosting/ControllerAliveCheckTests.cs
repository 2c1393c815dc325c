using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Moq;
using SlackOperator.Hosting;

namespace SlackOperator.Tests.Operator.Hosting;

public sealed class ControllerAliveCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_NoOperatorService_UnhealthyNotStarted()
    {
        var sut = new ControllerAliveCheck([Mock.Of<IHostedService>()]);

        var result = await sut.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal((HealthStatus.Unhealthy, "the controller loop has not started"),
            (result.Status, result.Description));
    }
}
