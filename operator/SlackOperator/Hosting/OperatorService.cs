using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackOperator.Bots;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Controllers;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Kubernetes.LeaderElection;
using SlackOperator.Kubernetes.Queue;
using SlackOperator.Reconciliation;

namespace SlackOperator.Hosting;

/// <summary>
/// Wires the SlackBot and Secret informers to the SlackBot controller and runs them until shutdown, then stops
/// every bot so their connections close cleanly. Informers run on every replica, so a standby's caches are warm;
/// with leader election on, only the leader runs the controller's workers and therefore bots. A replica that
/// loses leadership stops its workers and every bot before its Lease can expire, then campaigns again.
/// </summary>
internal sealed class OperatorService : BackgroundService
{
    private readonly SharedInformers _informers;
    private readonly BotHost _bots;
    private readonly SlackBotReconciler _reconciler;
    private readonly ControllerOptions _options;
    private readonly WorkQueueOptions _queueOptions;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly LeaderElector? _elector;

    public OperatorService(
        SharedInformers informers, BotHost bots, SlackBotReconciler reconciler,
        IOptions<ControllerOptions> options, IOptions<WorkQueueOptions> queueOptions, TimeProvider time,
        ILoggerFactory loggers, LeaderElector elector, IOptions<LeaderElectionOptions> election)
    {
        _elector = election.Value.Enabled ? elector : null;
        _informers = informers;
        _bots = bots;
        _reconciler = reconciler;
        _options = options.Value;
        _queueOptions = queueOptions.Value;
        _time = time;
        _loggers = loggers;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ns = string.IsNullOrEmpty(_options.Namespace) ? null : _options.Namespace;
        var secrets = _informers.Secrets(ns);
        var slackBots = _informers.For<SlackBot>(ResourceType.For<SlackBot>(), ns);
        slackBots.Cache.AddIndex(SecretChangeHandler.IndexName, TokenResolver.SecretsOf);

        using var queue = new WorkQueue(_queueOptions, _time);
        var controller = new Controller<SlackBot>(slackBots, _reconciler, queue, _options,
            _loggers.CreateLogger<Controller<SlackBot>>());
        secrets.AddHandler(new SecretChangeHandler(slackBots.Cache, controller));
        _bots.OnChanged = controller.Enqueue;
        OperatorMetrics.Register(queue, _bots);

        var watching = Task.WhenAll(secrets.RunAsync(stoppingToken), slackBots.RunAsync(stoppingToken));
        try
        {
            await secrets.WaitForSyncAsync(stoppingToken);
            if (_elector is null)
            {
                await controller.RunAsync(stoppingToken);
            }
            else
            {
                await _elector.RunAsync(leading => LeadAsync(controller, leading), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown was asked for; the informers end on the same token.
        }

        await watching;
        await _bots.DisposeAsync();
    }

    /// <summary>One leadership term: workers run until the term ends, then every bot they started is stopped.</summary>
    private async Task LeadAsync(Controller<SlackBot> controller, CancellationToken leading)
    {
        try
        {
            await controller.RunAsync(leading);
        }
        finally
        {
            await _bots.StopAllAsync();
        }
    }
}
