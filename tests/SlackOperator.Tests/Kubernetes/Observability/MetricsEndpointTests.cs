using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SlackOperator.Kubernetes.Observability;

namespace SlackOperator.Tests.Kubernetes.Observability;

public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private ServiceProvider? _services;
    private MetricsEndpoint? _sut;
    private bool _ready;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_sut is not null)
        {
            await _sut.StopAsync(CancellationToken.None);
            await _sut.DisposeAsync();
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _http.Dispose();
    }

    [Fact]
    public async Task StartAsync_PortZero_ListensOnLoopbackWithARealPort()
    {
        var sut = await StartSutAsync();

        Assert.Equal(("127.0.0.1", true), (sut.Address!.Host, sut.Address.Port > 0));
    }

    [Fact]
    public async Task Metrics_Scraped_PrometheusTextWithOperatorMetrics()
    {
        var sut = await StartSutAsync();

        using var response = await _http.GetAsync(new Uri(sut.Address!, "/metrics"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("process_start_time_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_CheckUnhealthy_503WithReason()
    {
        var sut = await StartSutAsync();

        using var response = await _http.GetAsync(new Uri(sut.Address!, "/readyz"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("sync: not synced yet\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_CheckHealthy_200Ok()
    {
        var sut = await StartSutAsync();
        _ready = true;

        using var response = await _http.GetAsync(new Uri(sut.Address!, "/readyz"));

        Assert.Equal((HttpStatusCode.OK, "ok\n"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Healthz_ReadinessCheckFails_StillRunsOnlyLivenessChecksAnd200()
    {
        var sut = await StartSutAsync();

        using var response = await _http.GetAsync(new Uri(sut.Address!, "/healthz"));

        Assert.Equal((HttpStatusCode.OK, "ok\n"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task StartAsync_PortTaken_ThrowsMetricsEndpointExceptionNamingThePort()
    {
        var first = await StartSutAsync();
        await using var second = CreateSut(first.Address!.Port);

        var error = await Assert.ThrowsAsync<MetricsEndpointException>(() => second.StartAsync(CancellationToken.None));

        Assert.Contains($"127.0.0.1:{first.Address.Port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WithAMapping_ServesItsRoutesBesideTheProbes()
    {
        var sut = await StartSutAsync(new EchoMapping());

        using var echo = await _http.PostAsync(new Uri(sut.Address!, "/echo/hi"), content: null);
        using var metrics = await _http.GetAsync(new Uri(sut.Address!, "/metrics"));

        Assert.Equal((HttpStatusCode.OK, "echo hi"), (echo.StatusCode, await echo.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    private async Task<MetricsEndpoint> StartSutAsync(params IEndpointMapping[] mappings)
    {
        _sut = CreateSut(0, mappings);
        await _sut.StartAsync(CancellationToken.None);
        return _sut;
    }

    private MetricsEndpoint CreateSut(int port, params IEndpointMapping[] mappings)
    {
        _services ??= new ServiceCollection()
            .AddLogging()
            .AddHealthChecks()
            .AddCheck("alive", () => HealthCheckResult.Healthy(), tags: [HealthProbes.Live])
            .AddCheck("sync", () => _ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(
                "not synced yet"), tags: [HealthProbes.Ready])
            .Services.BuildServiceProvider();
        var options = Options.Create(new MetricsOptions { BindAddress = "127.0.0.1", Port = port });
        return new MetricsEndpoint(options, _services.GetRequiredService<HealthCheckService>(),
            NullLogger<MetricsEndpoint>.Instance, mappings);
    }

    private sealed class EchoMapping : IEndpointMapping
    {
        public void Map(IEndpointRouteBuilder endpoints) =>
            endpoints.MapPost("/echo/{word}", (string word) => Results.Text($"echo {word}"));
    }
}
