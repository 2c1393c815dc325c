using Microsoft.Extensions.Logging;
using SlackOperator.Bots;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Controllers;
using SlackOperator.Kubernetes.Events;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Kubernetes.Status;
using SlackOperator.Validation;

namespace SlackOperator.Reconciliation;

/// <summary>
/// Reconciles one SlackBot: resolves its tokens, has the <see cref="BotHost"/> run the bot it declares, and
/// writes what is true back to its status (only when something changed), with an Event when Ready moves.
/// </summary>
internal sealed class SlackBotReconciler : IEntityController<SlackBot>
{
    private static readonly TimeSpan ChannelRecheck = TimeSpan.FromMinutes(1);

    private readonly SpecValidator _validator;
    private readonly TokenResolver _tokens;
    private readonly BotHost _bots;
    private readonly StatusWriter _status;
    private readonly EventRecorder _events;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackBotReconciler> _logger;

    public SlackBotReconciler(
        SpecValidator validator, TokenResolver tokens, BotHost bots, StatusWriter status, EventRecorder events,
        TimeProvider time, ILogger<SlackBotReconciler> logger)
    {
        _validator = validator;
        _tokens = tokens;
        _bots = bots;
        _status = status;
        _events = events;
        _time = time;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(SlackBot entity, CancellationToken cancellationToken)
    {
        var key = EntityKey.Of(entity);
        var now = _time.GetUtcNow().UtcDateTime;
        if (entity.Spec.Suspend == true)
        {
            await _bots.StopAsync(key);
            await WriteAsync(entity, StatusBuilder.Suspended(entity, now), cancellationToken);
            return ReconcileResult.Done;
        }

        // An invalid generation never runs: whatever ran before keeps running until the spec is fixed.
        var invalid = _validator.Validate(entity.Spec);
        if (invalid.Count > 0)
        {
            var running = _bots.IsRunning(key);
            await WriteAsync(entity, StatusBuilder.InvalidSpec(entity, invalid, running, now), cancellationToken);
            return ReconcileResult.Done;
        }

        var (tokens, problem) = _tokens.Resolve(entity);
        if (problem is not null)
        {
            await _bots.StopAsync(key);
            await WriteAsync(entity, StatusBuilder.TokenProblem(entity, problem, now), cancellationToken);
            return ReconcileResult.Backoff(problem.Reason);
        }

        var previousRuns = (entity.Status?.Schedules ?? [])
            .Where(s => s.Behaviour is not null && s.LastRun is not null)
            .ToDictionary(s => s.Behaviour!, s => new DateTimeOffset(s.LastRun!.Value, TimeSpan.Zero));
        var desired = new DesiredBot(key, entity.Metadata.Generation ?? 0, tokens!, entity.Spec, previousRuns);
        var observation = await _bots.EnsureAsync(desired, cancellationToken);
        var status = StatusBuilder.Observed(entity, observation, now);
        await WriteAsync(entity, status, cancellationToken);
        return NextStep(observation);
    }

    public async Task DeletedAsync(EntityKey key, CancellationToken cancellationToken)
    {
        // A deleted key can be processed more than once (several events queued before the delete): one line.
        var stopped = await _bots.StopAsync(key);
        _bots.Forget(key);
        if (stopped)
        {
            ReconcilerLog.Deleted(_logger, key.ToString());
        }
    }

    private static ReconcileResult NextStep(BotObservation observation)
    {
        if (observation.AuthError is { } error)
        {
            return ReconcileResult.Backoff(error.Code);
        }

        // Membership changes (an invitation) send no event the operator sees without extra scopes; look again.
        return observation.Channels.All(c => c.Member) ? ReconcileResult.Done : ReconcileResult.After(ChannelRecheck);
    }

    private async Task WriteAsync(SlackBot entity, SlackBotStatus status, CancellationToken cancellationToken)
    {
        var before = entity.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        var written = await _status.WriteAsync<SlackBot, SlackBotStatus?>(entity, status, cancellationToken);
        if (!written)
        {
            ReconcilerLog.StatusUnchanged(_logger);
            return;
        }

        var after = status.Conditions!.First(c => c.Type == "Ready");
        if (before?.Reason == after.Reason && before?.Status == after.Status)
        {
            return;
        }

        ReconcilerLog.Transition(_logger, after.Reason ?? "Unknown", after.Message ?? string.Empty);
        var normal = after.Status == "True" || after.Reason is Reasons.Connecting or Reasons.Suspended;
        var type = normal ? "Normal" : "Warning";
        await _events.RecordAsync(entity, type, after.Reason ?? "Unknown", after.Message ?? string.Empty,
            cancellationToken);
    }
}
