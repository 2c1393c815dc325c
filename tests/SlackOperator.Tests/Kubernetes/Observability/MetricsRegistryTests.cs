using System.Diagnostics.Metrics;
using Prometheus;
using SlackOperator.Kubernetes;
using SlackOperator.Kubernetes.Observability;
using SlackOperator.Slack;

namespace SlackOperator.Tests.Kubernetes.Observability;

public sealed class MetricsRegistryTests
{
    [Fact]
    public async Task Registry_CounterRecorded_ExportedWithMeterPrefixAndTotalSuffix()
    {
        var registry = MetricsRegistry.Registry;

        RuntimeMetrics.Reconciles.Add(2, new("resource", "registrytest"), new("result", "done"));

        var text = await ExportAsync(registry);
        Assert.Contains(
            "slackoperator_kubernetes_controller_reconciles_total{resource=\"registrytest\",result=\"done\"} 2",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_DurationRecorded_ExportedAsSecondsHistogram()
    {
        var registry = MetricsRegistry.Registry;

        RuntimeMetrics.ReconcileDuration.Record(0.003, new KeyValuePair<string, object?>("resource", "histotest"));

        var text = await ExportAsync(registry);
        Assert.Contains("# TYPE slackoperator_kubernetes_controller_reconcile_duration_seconds histogram", text,
            StringComparison.Ordinal);
        Assert.Contains(
            "slackoperator_kubernetes_controller_reconcile_duration_seconds_count{resource=\"histotest\"} 1", text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_SlackCallRecorded_ExportedUnderSlackPrefix()
    {
        var registry = MetricsRegistry.Registry;

        SlackMetrics.WebApiCalls.Add(1, new("method", "registry.test"), new("result", "ok"));

        var text = await ExportAsync(registry);
        Assert.Contains("slackoperator_slack_web_api_calls_total{method=\"registry.test\",result=\"ok\"} 1", text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_Always_IncludesProcessMetrics()
    {
        var text = await ExportAsync(MetricsRegistry.Registry);

        Assert.Contains("process_start_time_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_AnApplicationMeter_IsExportedUnderItsNameAsPrefix()
    {
        using var meter = new Meter("Example.Widgets");
        var made = meter.CreateCounter<long>("made_total");
        var registry = MetricsRegistry.Registry;

        made.Add(3, new KeyValuePair<string, object?>("kind", "registrytest"));

        Assert.Contains("example_widgets_made_total{kind=\"registrytest\"} 3", await ExportAsync(registry),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.Net.Http", false)]
    [InlineData("Microsoft.AspNetCore.Hosting", false)]
    [InlineData("SlackOperator.Kubernetes", true)]
    [InlineData("SystemsOfOurOwn", true)]
    public void IsExported_FrameworkMetersLeftOut(string name, bool exported)
    {
        using var meter = new Meter(name);

        Assert.Equal(exported, MetricsRegistry.IsExported(meter));
    }

    private static async Task<string> ExportAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
