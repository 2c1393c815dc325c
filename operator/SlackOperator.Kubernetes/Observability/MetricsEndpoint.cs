using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace SlackOperator.Kubernetes.Observability;

/// <summary>
/// Serves <c>/metrics</c> (Prometheus text from <see cref="MetricsRegistry"/>), <c>/healthz</c> and <c>/readyz</c>
/// on one port with a Kestrel of its own, so the operator stays a plain generic host. Other components add their
/// routes to the same port through <see cref="IEndpointMapping"/>.
/// </summary>
public sealed class MetricsEndpoint : IHostedService, IAsyncDisposable
{
    private readonly MetricsOptions _options;
    private readonly HealthCheckService _checks;
    private readonly ILogger _logger;
    private readonly IEnumerable<IEndpointMapping> _mappings;
    private WebApplication? _app;

    public MetricsEndpoint(IOptions<MetricsOptions> options, HealthCheckService checks, ILogger<MetricsEndpoint> logger,
        IEnumerable<IEndpointMapping> mappings)
    {
        _mappings = mappings;
        _options = options.Value;
        _checks = checks;
        _logger = logger;
    }

    /// <summary>The address listened on once started, with the real port when 0 was asked for.</summary>
    public Uri? Address { get; private set; }

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var app = Build();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new MetricsEndpointException(
                $"cannot serve metrics on {_options.BindAddress}:{_options.Port} ({ex.Message}); "
                + $"set {MetricsOptions.SectionName}:{nameof(MetricsOptions.Port)} to a free port", ex);
        }

        _app = app;
        Address = new Uri(app.Urls.First());
        MetricsEndpointLog.Listening(_logger, Address.ToString());
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private WebApplication Build()
    {
        // The empty builder reads no configuration, logs nothing and has no console lifetime of its own: the
        // operator's host owns shutdown and the log.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [] });
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Parse(_options.BindAddress), _options.Port));
        var app = builder.Build();
        app.UseRouting();
        app.MapMetrics("/metrics", MetricsRegistry.Registry);
        app.MapGet("/healthz", context =>
            HealthProbes.RespondAsync(context, _checks, check => check.Tags.Contains(HealthProbes.Live)));
        app.MapGet("/readyz", context => HealthProbes.RespondAsync(context, _checks, _ => true));
        foreach (var mapping in _mappings)
        {
            mapping.Map(app);
        }

        return app;
    }

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
