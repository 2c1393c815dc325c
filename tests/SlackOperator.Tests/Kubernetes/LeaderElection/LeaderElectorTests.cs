using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SlackOperator.Emulators.Kubernetes;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.LeaderElection;

namespace SlackOperator.Tests.Kubernetes.LeaderElection;

/// <summary>The elector against a real in-process API server; each elector's clock is fake and moved by hand.</summary>
public sealed class LeaderElectorTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stop = new();
    private KubeApiEmulator _kube = null!;
    private KubernetesApi _api = null!;

    public async Task InitializeAsync()
    {
        _kube = await KubeApiEmulator.StartAsync();
        _api = new KubernetesApi(_kube.BaseUrl, _http, (_, _) => Task.CompletedTask,
            Mock.Of<IKubernetesRequestObserver>());
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        _http.Dispose();
        await _kube.DisposeAsync();
    }

    [Fact]
    public async Task TryAcquireOrRenewAsync_NoLease_CreatesLeaseHeldByUs()
    {
        var sut = CreateSut("a", new FakeTimeProvider(Start));

        var outcome = await sut.TryAcquireOrRenewAsync(CancellationToken.None);

        var lease = await ReadLeaseAsync();
        Assert.Equal(LeaseAttempt.Held, outcome);
        Assert.Equal(("a", 15, 0),
            (lease.Spec.HolderIdentity, lease.Spec.LeaseDurationSeconds, lease.Spec.LeaseTransitions));
        Assert.Equal(Start.UtcDateTime, lease.Spec.RenewTime);
    }

    [Fact]
    public async Task TryAcquireOrRenewAsync_OwnLease_RenewsAndKeepsAcquireTime()
    {
        var time = new FakeTimeProvider(Start);
        var sut = CreateSut("a", time);
        await sut.TryAcquireOrRenewAsync(CancellationToken.None);
        var first = await ReadLeaseAsync();

        time.Advance(TimeSpan.FromSeconds(2));
        var outcome = await sut.TryAcquireOrRenewAsync(CancellationToken.None);

        var renewed = await ReadLeaseAsync();
        Assert.Equal(LeaseAttempt.Held, outcome);
        Assert.Equal(Start.UtcDateTime.AddSeconds(2), renewed.Spec.RenewTime);
        Assert.Equal(first.Spec.AcquireTime, renewed.Spec.AcquireTime);
        Assert.Equal(0, renewed.Spec.LeaseTransitions);
        Assert.NotEqual(first.Metadata.ResourceVersion, renewed.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task TryAcquireOrRenewAsync_HeldByAnotherWithinDuration_LeavesItAlone()
    {
        await CreateSut("a", new FakeTimeProvider(Start)).TryAcquireOrRenewAsync(CancellationToken.None);
        var sut = CreateSut("b", new FakeTimeProvider(Start));

        var outcome = await sut.TryAcquireOrRenewAsync(CancellationToken.None);

        Assert.Equal(LeaseAttempt.HeldByOther, outcome);
        Assert.Equal("a", (await ReadLeaseAsync()).Spec.HolderIdentity);
    }

    [Fact]
    public async Task TryAcquireOrRenewAsync_HolderStoppedRenewing_TakesOverOnceLeaseDurationPassed()
    {
        await CreateSut("a", new FakeTimeProvider(Start)).TryAcquireOrRenewAsync(CancellationToken.None);
        var time = new FakeTimeProvider(Start);
        var sut = CreateSut("b", time);
        await sut.TryAcquireOrRenewAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(14));
        var early = await sut.TryAcquireOrRenewAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var late = await sut.TryAcquireOrRenewAsync(CancellationToken.None);

        var lease = await ReadLeaseAsync();
        Assert.Equal((LeaseAttempt.HeldByOther, LeaseAttempt.Held), (early, late));
        Assert.Equal(("b", 1), (lease.Spec.HolderIdentity, lease.Spec.LeaseTransitions));
    }

    [Fact]
    public async Task TryAcquireOrRenewAsync_RemoteRenewTimeLongPast_WaitsFullDurationFromItsOwnObservation()
    {
        // The holder's clock is an hour behind: its renewTime looks long expired, but it is renewing right now.
        await CreateSut("a", new FakeTimeProvider(Start.AddHours(-1))).TryAcquireOrRenewAsync(CancellationToken.None);
        var time = new FakeTimeProvider(Start);
        var sut = CreateSut("b", time);

        var first = await sut.TryAcquireOrRenewAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(10));
        var second = await sut.TryAcquireOrRenewAsync(CancellationToken.None);

        Assert.Equal((LeaseAttempt.HeldByOther, LeaseAttempt.HeldByOther), (first, second));
        Assert.Equal("a", (await ReadLeaseAsync()).Spec.HolderIdentity);
    }

    [Fact]
    public async Task TryAcquireOrRenewAsync_HolderKeepsRenewing_StandbyNeverTakesOver()
    {
        var holderTime = new FakeTimeProvider(Start);
        var holder = CreateSut("a", holderTime);
        var standbyTime = new FakeTimeProvider(Start);
        var standby = CreateSut("b", standbyTime);
        var outcomes = new List<LeaseAttempt>();

        for (var i = 0; i < 8; i++)
        {
            await holder.TryAcquireOrRenewAsync(CancellationToken.None);
            outcomes.Add(await standby.TryAcquireOrRenewAsync(CancellationToken.None));
            holderTime.Advance(TimeSpan.FromSeconds(5));
            standbyTime.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.All(outcomes, outcome => Assert.Equal(LeaseAttempt.HeldByOther, outcome));
        Assert.Equal("a", (await ReadLeaseAsync()).Spec.HolderIdentity);
    }

    [Fact]
    public async Task TryAcquireOrRenewAsync_WriteConflicts_FailsAndLeavesLeaseUnchanged()
    {
        var sut = CreateSut("a", new FakeTimeProvider(Start));
        await sut.TryAcquireOrRenewAsync(CancellationToken.None);
        var before = await ReadLeaseAsync();
        _kube.Faults.ConflictNextWrites(1, "leases");

        var outcome = await sut.TryAcquireOrRenewAsync(CancellationToken.None);

        Assert.Equal(LeaseAttempt.Failed, outcome);
        Assert.Equal(before.Metadata.ResourceVersion, (await ReadLeaseAsync()).Metadata.ResourceVersion);
    }

    [Fact]
    public async Task TryAcquireOrRenewAsync_TwoCandidatesAtOnce_ExactlyOneHoldsTheLease()
    {
        var a = CreateSut("a", new FakeTimeProvider(Start));
        var b = CreateSut("b", new FakeTimeProvider(Start));

        var outcomes = await Task.WhenAll(
            a.TryAcquireOrRenewAsync(CancellationToken.None), b.TryAcquireOrRenewAsync(CancellationToken.None));

        var winner = outcomes[0] == LeaseAttempt.Held ? "a" : "b";
        Assert.Single(outcomes, o => o == LeaseAttempt.Held);
        Assert.Equal(winner, (await ReadLeaseAsync()).Spec.HolderIdentity);
    }

    [Fact]
    public async Task RunAsync_LeaseFree_LeadsWithLiveToken()
    {
        var sut = CreateSut("a", new FakeTimeProvider(Start));
        var leading = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = sut.RunAsync(token => LeadUntilCancelledAsync(token, leading), _stop.Token);

        var token = await leading.Task.WaitAsync(Patience);
        Assert.True(sut.IsLeader);
        Assert.False(token.IsCancellationRequested);
        await _stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    [Fact]
    public async Task RunAsync_RenewalsFail_StopsLeadingAtRenewDeadlineBeforeLeaseExpires()
    {
        var time = new FakeTimeProvider(Start);
        var sut = CreateSut("a", time);
        var leading = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = sut.RunAsync(token => LeadUntilCancelledAsync(token, leading), _stop.Token);
        var token = await leading.Task.WaitAsync(Patience);
        var lostAt = DateTimeOffset.MaxValue;
        token.Register(() => lostAt = time.GetUtcNow());

        _kube.Faults.FailNextRequests(100_000, 500, 0);
        await AdvanceUntilAsync(time, () => token.IsCancellationRequested, TimeSpan.FromSeconds(30));

        Assert.True(token.IsCancellationRequested, "the leading token was never cancelled");
        var elapsed = lostAt - Start;
        Assert.True(elapsed >= TimeSpan.FromSeconds(10) && elapsed < TimeSpan.FromSeconds(15),
            $"leadership ended {elapsed} after the last renewal; expected within [10 s, 15 s)");
        Assert.False(sut.IsLeader);
        _kube.Faults.Reset();
        await _stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    [Fact]
    public async Task RunAsync_LeaseTakenOverMeanwhile_StopsLeadingAtNextRenewal()
    {
        var time = new FakeTimeProvider(Start);
        var sut = CreateSut("a", time);
        var leading = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = sut.RunAsync(token => LeadUntilCancelledAsync(token, leading), _stop.Token);
        var token = await leading.Task.WaitAsync(Patience);
        var lease = await ReadLeaseAsync();
        lease.Spec.HolderIdentity = "intruder";
        await _api.ReplaceAsync(ResourceType.Leases, "default", "slack-operator", lease, CancellationToken.None);

        await AdvanceUntilAsync(time, () => token.IsCancellationRequested, TimeSpan.FromSeconds(5));

        Assert.True(token.IsCancellationRequested, "the leading token was never cancelled");
        Assert.Equal("intruder", (await ReadLeaseAsync()).Spec.HolderIdentity);
        await _stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReleasesLeaseSoStandbyTakesOverAtOnce()
    {
        var sut = CreateSut("a", new FakeTimeProvider(Start));
        var leading = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = sut.RunAsync(token => LeadUntilCancelledAsync(token, leading), _stop.Token);
        await leading.Task.WaitAsync(Patience);
        var standby = CreateSut("b", new FakeTimeProvider(Start));
        var whileHeld = await standby.TryAcquireOrRenewAsync(CancellationToken.None);

        await _stop.CancelAsync();
        await run.WaitAsync(Patience);

        var released = await ReadLeaseAsync();
        Assert.Equal((null, 1), (released.Spec.HolderIdentity, released.Spec.LeaseDurationSeconds));
        Assert.False(sut.IsLeader);
        Assert.Equal(LeaseAttempt.HeldByOther, whileHeld);
        Assert.Equal(LeaseAttempt.Held, await standby.TryAcquireOrRenewAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_WorkEndsByItself_ReleasesLeaseAndReturns()
    {
        var sut = CreateSut("a", new FakeTimeProvider(Start));

        await sut.RunAsync(_ => Task.CompletedTask, _stop.Token).WaitAsync(Patience);

        Assert.Null((await ReadLeaseAsync()).Spec.HolderIdentity);
        Assert.False(sut.IsLeader);
    }

    private static async Task LeadUntilCancelledAsync(
        CancellationToken token, TaskCompletionSource<CancellationToken> leading)
    {
        leading.TrySetResult(token);
        await Task.Delay(Timeout.InfiniteTimeSpan, token);
    }

    /// <summary>
    /// Moves the fake clock in small steps, giving the elector's real HTTP round trips a moment between steps,
    /// until <paramref name="done"/> or <paramref name="limit"/> of fake time passed.
    /// </summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done, TimeSpan limit)
    {
        var step = TimeSpan.FromMilliseconds(250);
        for (var moved = TimeSpan.Zero; !done() && moved < limit; moved += step)
        {
            time.Advance(step);
            await Task.Delay(25);
        }
    }

    private LeaderElector CreateSut(string identity, TimeProvider time) => new(_api,
        Options.Create(new LeaderElectionOptions { Identity = identity, LeaseNamespace = "default" }), time,
        NullLogger<LeaderElector>.Instance);

    private async Task<V1Lease> ReadLeaseAsync() =>
        await _api.GetAsync<V1Lease>(ResourceType.Leases, "default", "slack-operator", CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException("the lease does not exist");
}
