using System.Net;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackOperator.Kubernetes.Api;

namespace SlackOperator.Kubernetes.LeaderElection;

/// <summary>
/// Elects one leader among replicas on a <c>coordination.k8s.io/v1</c> Lease, with client-go's rules: a standby
/// takes over only once the Lease has not changed for its duration, measured on the local clock from when this
/// replica saw it change (remote timestamps are never trusted); the leader renews every retry period and stops
/// leading when no renewal succeeded within the renew deadline, which comes before the Lease can expire; writes
/// carry the resourceVersion they read, so of two racing replicas one gets 409 and loses.
/// </summary>
public sealed class LeaderElector
{
    // Acquire attempts are spread over up to a fifth more than the retry period so replicas do not move in step.
    private const double JitterFactor = 0.2;

    private readonly KubernetesApi _api;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _lease;
    private V1Lease? _observed;
    private DateTimeOffset _observedAt;
    private string? _lastHolderLogged;
    private int _isLeader;

    public LeaderElector(
        KubernetesApi api, IOptions<LeaderElectionOptions> options, TimeProvider time, ILogger<LeaderElector> logger)
    {
        _api = api;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _lease = $"{_options.LeaseNamespace}/{_options.LeaseName}";
    }

    /// <summary>This replica's name in the Lease.</summary>
    public string Identity => _options.Identity;

    /// <summary>True from winning the Lease until losing or releasing it.</summary>
    public bool IsLeader => Volatile.Read(ref _isLeader) == 1;

    private int LeaseSeconds => (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds);

    /// <summary>
    /// Campaigns until cancelled. Each time the Lease is won, runs <paramref name="lead"/> with a token that is
    /// cancelled when leadership is lost or on shutdown, waits for it to return, then campaigns again (after a
    /// loss) or releases the Lease so a standby takes over at once (on shutdown). Ends when cancelled, or when
    /// <paramref name="lead"/> returns or throws by itself (after releasing the Lease).
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken cancellationToken)
    {
        LeaderElectionLog.Campaigning(_logger, _lease, Identity);
        RuntimeMetrics.ReportLeader(_lease, IsLeader);
        while (await AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await LeadAsync(lead, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Tries once to create, take over or renew the Lease.</summary>
    internal async Task<LeaseAttempt> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            var current = await _api.GetAsync<V1Lease>(
                ResourceType.Leases, _options.LeaseNamespace, _options.LeaseName, cancellationToken)
                .ConfigureAwait(false);
            if (current is null)
            {
                Observe(await _api.CreateAsync(ResourceType.Leases, _options.LeaseNamespace, NewLease(),
                    cancellationToken).ConfigureAwait(false), force: true);
                return LeaseAttempt.Held;
            }

            Observe(current, force: false);
            var holder = current.Spec?.HolderIdentity;
            if (!string.IsNullOrEmpty(holder) && holder != Identity && !ObservedLeaseExpired())
            {
                LogHolder(holder);
                return LeaseAttempt.HeldByOther;
            }

            Observe(await _api.ReplaceAsync(ResourceType.Leases, _options.LeaseNamespace, _options.LeaseName,
                Claim(current), cancellationToken).ConfigureAwait(false), force: true);
            return LeaseAttempt.Held;
        }
        catch (KubernetesApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            LeaderElectionLog.Conflict(_logger, _lease);
            return LeaseAttempt.Failed;
        }
        catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException)
        {
            LeaderElectionLog.AttemptFailed(_logger, ex, _lease);
            return LeaseAttempt.Failed;
        }
    }

    /// <summary>Hands the Lease back: no holder and a one-second duration, so a standby takes it at once.</summary>
    internal async Task ReleaseAsync()
    {
        if (_observed is not { } observed || observed.Spec?.HolderIdentity != Identity)
        {
            return;
        }

        // Shutdown already cancelled the caller's token; the release still gets a bounded try of its own.
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _time);
        var now = _time.GetUtcNow().UtcDateTime;
        var released = new V1Lease
        {
            ApiVersion = observed.ApiVersion ?? ResourceType.Leases.ApiVersion,
            Kind = observed.Kind ?? ResourceType.Leases.Kind,
            Metadata = observed.Metadata,
            Spec = new V1LeaseSpec
            {
                LeaseDurationSeconds = 1,
                LeaseTransitions = observed.Spec.LeaseTransitions,
                AcquireTime = now,
                RenewTime = now,
            },
        };
        try
        {
            Observe(await _api.ReplaceAsync(ResourceType.Leases, _options.LeaseNamespace, _options.LeaseName,
                released, timeout.Token).ConfigureAwait(false), force: true);
            LeaderElectionLog.Released(_logger, _lease);
        }
        catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException or OperationCanceledException)
        {
            // The Lease then simply expires after its duration.
            LeaderElectionLog.ReleaseFailed(_logger, ex, _lease);
        }
    }

    /// <summary>Tries every retry period, with jitter, until the Lease is ours; false when cancelled first.</summary>
    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await AttemptAsync(_options.RenewDeadline, cancellationToken).ConfigureAwait(false)
                != LeaseAttempt.Held)
            {
                var jitter = _options.RetryPeriod * (Random.Shared.NextDouble() * JitterFactor);
                await Task.Delay(_options.RetryPeriod + jitter, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        SetLeader(true);
        LeaderElectionLog.BecameLeader(_logger, _lease, Identity);
        return true;
    }

    /// <summary>Runs the work while renewing; true when the campaign is over (shutdown, or the work ended).</summary>
    private async Task<bool> LeadAsync(Func<CancellationToken, Task> lead, CancellationToken stopping)
    {
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var work = Task.Run(() => lead(leading.Token), CancellationToken.None);
        var renewing = KeepRenewingAsync(leading.Token);
        var first = await Task.WhenAny(work, renewing).ConfigureAwait(false);
        await leading.CancelAsync().ConfigureAwait(false);
        var stillLeader = await renewing.ConfigureAwait(false);
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (leading.IsCancellationRequested)
        {
            // The work was told to stop; that is how it ends.
        }
        finally
        {
            if (stillLeader)
            {
                await ReleaseAsync().ConfigureAwait(false);
                SetLeader(false);
            }
        }

        return first == work || stopping.IsCancellationRequested;
    }

    /// <summary>Renews every retry period; false once leadership is lost, true when cancelled while leading.</summary>
    private async Task<bool> KeepRenewingAsync(CancellationToken cancellationToken)
    {
        var renewed = _time.GetUtcNow();
        try
        {
            while (true)
            {
                await Task.Delay(_options.RetryPeriod, _time, cancellationToken).ConfigureAwait(false);
                var outcome = await RenewBeforeAsync(renewed + _options.RenewDeadline, cancellationToken)
                    .ConfigureAwait(false);
                if (outcome != LeaseAttempt.Held)
                {
                    SetLeader(false);
                    LeaderElectionLog.LostLeadership(_logger, _lease, outcome == LeaseAttempt.HeldByOther
                        ? $"the lease is held by {_observed?.Spec?.HolderIdentity}"
                        : $"not renewed within {_options.RenewDeadline}");
                    return false;
                }

                renewed = _time.GetUtcNow();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return IsLeader;
        }
    }

    /// <summary>Retries a renewal until it succeeds, another replica holds the Lease, or the deadline passes.</summary>
    private async Task<LeaseAttempt> RenewBeforeAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (deadline - _time.GetUtcNow() is var remaining && remaining > TimeSpan.Zero)
        {
            var outcome = await AttemptAsync(remaining, cancellationToken).ConfigureAwait(false);
            if (outcome != LeaseAttempt.Failed)
            {
                return outcome;
            }

            var wait = deadline - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < _options.RetryPeriod ? wait : _options.RetryPeriod, _time, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        return LeaseAttempt.Failed;
    }

    /// <summary>One try, cut off after <paramref name="limit"/>: a hung request must not outlast a deadline.</summary>
    private async Task<LeaseAttempt> AttemptAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await TryAcquireOrRenewAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LeaderElectionLog.AttemptFailed(_logger, ex, _lease);
            return LeaseAttempt.Failed;
        }
    }

    /// <summary>
    /// Remembers the Lease and when we saw it; the clock restarts only when the record changed (a new
    /// resourceVersion), so a holder that stopped renewing is seen to expire on our own clock.
    /// </summary>
    private void Observe(V1Lease lease, bool force)
    {
        if (force || _observed?.Metadata?.ResourceVersion != lease.Metadata?.ResourceVersion)
        {
            _observed = lease;
            _observedAt = _time.GetUtcNow();
        }
    }

    private bool ObservedLeaseExpired()
    {
        var seconds = _observed?.Spec?.LeaseDurationSeconds;
        var duration = seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : _options.LeaseDuration;
        return _time.GetUtcNow() >= _observedAt + duration;
    }

    private V1Lease NewLease()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new V1Lease
        {
            ApiVersion = ResourceType.Leases.ApiVersion,
            Kind = ResourceType.Leases.Kind,
            Metadata = new V1ObjectMeta { Name = _options.LeaseName, NamespaceProperty = _options.LeaseNamespace },
            Spec = new V1LeaseSpec
            {
                HolderIdentity = Identity,
                LeaseDurationSeconds = LeaseSeconds,
                AcquireTime = now,
                RenewTime = now,
                LeaseTransitions = 0,
            },
        };
    }

    /// <summary>The Lease renewed by us, or taken over from an expired or released holder.</summary>
    private V1Lease Claim(V1Lease current)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var spec = current.Spec ?? new V1LeaseSpec();
        var ours = spec.HolderIdentity == Identity;
        current.Spec = new V1LeaseSpec
        {
            HolderIdentity = Identity,
            LeaseDurationSeconds = LeaseSeconds,
            AcquireTime = ours ? spec.AcquireTime ?? now : now,
            RenewTime = now,
            LeaseTransitions = ours ? spec.LeaseTransitions ?? 0 : (spec.LeaseTransitions ?? 0) + 1,
        };
        return current;
    }

    private void LogHolder(string holder)
    {
        if (holder != _lastHolderLogged)
        {
            _lastHolderLogged = holder;
            LeaderElectionLog.HeldByOther(_logger, _lease, holder);
        }
    }

    private void SetLeader(bool leader)
    {
        Volatile.Write(ref _isLeader, leader ? 1 : 0);
        RuntimeMetrics.ReportLeader(_lease, leader);
    }
}
