using Microsoft.Extensions.Diagnostics.HealthChecks;
using SlackOperator.Kubernetes.Observability;

namespace SlackOperator.Tests.Kubernetes.Observability;

public sealed class HealthProbesTests
{
    [Fact]
    public void Describe_AllHealthy_Ok()
    {
        var report = Report(("informers", HealthCheckResult.Healthy()));

        Assert.Equal("ok\n", HealthProbes.Describe(report));
    }

    [Fact]
    public void Describe_OneUnhealthy_NamesItWithItsReasonOnly()
    {
        var report = Report(
            ("controller", HealthCheckResult.Healthy()),
            ("informers", HealthCheckResult.Unhealthy("informers not synced yet: secrets")));

        Assert.Equal("informers: informers not synced yet: secrets\n", HealthProbes.Describe(report));
    }

    private static HealthReport Report(params (string Name, HealthCheckResult Result)[] checks) => new(
        checks.ToDictionary(c => c.Name, c => new HealthReportEntry(
            c.Result.Status, c.Result.Description, TimeSpan.Zero, null, null)),
        TimeSpan.Zero);
}
