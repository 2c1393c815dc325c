using System.Diagnostics;
using k8s.Models;
using SlackOperator.Emulators.Kubernetes;
using SlackOperator.Emulators.Slack;
using SlackOperator.Entities;
using SlackOperator.IntegrationTests.Support;
using SlackOperator.Kubernetes.Api;
using Xunit.Abstractions;

namespace SlackOperator.IntegrationTests.LeaderElection;

/// <summary>
/// Two <c>slack-operator run</c> processes against the same emulators: one leads and runs the bot, the other
/// waits with warm caches, and takes over when the leader dies without releasing its Lease.
/// </summary>
public sealed class LeaderElectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Namespace = "ha";
    private static readonly TimeSpan HandoverLimit = TimeSpan.FromSeconds(20);

    private readonly string _work = Directory.CreateTempSubdirectory("slackop-le-").FullName;
    private readonly List<OperatorProcess> _operators = [];
    private KubeApiEmulator _kube = null!;
    private SlackEmulator _slack = null!;
    private KubernetesApi _api = null!;
    private EmulatedApp _app = null!;

    private string Kubeconfig => Path.Combine(_work, "kubeconfig");

    public async Task InitializeAsync()
    {
        _kube = await KubeApiEmulator.StartAsync();

        // Slack keeps an event for an app with no open socket only for AckTimeout × (MaxRetries + 1), 12 s by
        // default. A handover takes the lease duration plus up to two retry periods plus a reconnect, so events
        // sent just after the leader died would be dropped before the new leader connects; 5 s × 8 = 40 s covers
        // the whole handover, as Slack's real retries (over minutes) would.
        _slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions
        {
            AckTimeout = TimeSpan.FromSeconds(5), MaxRetries = 7,
        });
        _kube.WriteKubeconfig(Kubeconfig);
        _api = new KubernetesApi(new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(
            Kubeconfig)), new Unlimited());
        var kubectl = new Kubectl(Kubeconfig, _work);
        await kubectl.OkAsync("apply", "-f", RepoPaths.Of("crds"));
        await kubectl.OkAsync("wait", "--for=condition=Established", "crd/slackbots.slackoperator.io", "--timeout=30s");
        await CreateBotAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _operators)
        {
            process.Dispose();
        }

        await _slack.DisposeAsync();
        await _kube.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Run_TwoReplicasAndLeaderKilled_StandbyTakesOverAndEveryMessageGetsOneReply()
    {
        var first = StartOperator("operator-a");
        var leader = await WaitForLeaderAsync(null);
        var second = StartOperator("operator-b");
        var (current, standby) = leader == first.Name ? (first, second) : (second, first);
        await WaitForConnectionsAsync(opened: 1);
        await StandbyStaysOffSlackAsync(standby);

        var before = await SendAndAwaitRepliesAsync("before", 3);
        var handover = Stopwatch.StartNew();
        current.Kill();
        var during = await SendAsync("during", 3);
        var newLeader = await WaitForLeaderAsync(current.Name);
        await WaitForConnectionsAsync(opened: 2);
        handover.Stop();
        output.WriteLine($"{standby.Name} took over from {current.Name} in {handover.Elapsed.TotalSeconds:0.0} s");
        var after = await SendAsync("after", 3);

        Assert.Equal(standby.Name, newLeader);
        Assert.True(handover.Elapsed < HandoverLimit,
            $"handover took {handover.Elapsed.TotalSeconds:0.0} s\n{standby.Tail}");
        await AssertOneReplyEachAsync([.. before, .. during, .. after], standby);
    }

    private OperatorProcess StartOperator(string identity)
    {
        var process = OperatorProcess.Start(identity,
            ["run", "--kubeconfig", Kubeconfig, "--slack-api-url", _slack.ApiUrl.ToString(), "--log-level", "Debug"],
            new Dictionary<string, string>
            {
                ["LeaderElection__Identity"] = identity,
                ["LeaderElection__LeaseNamespace"] = "default",

                // Shorter than the 15 s / 10 s / 2 s defaults so a handover fits the test's 20 s budget with
                // room to spare; the rules (expiry measured on the standby's own clock) are the same.
                ["LeaderElection__LeaseDuration"] = "00:00:08",
                ["LeaderElection__RenewDeadline"] = "00:00:05",
                ["LeaderElection__RetryPeriod"] = "00:00:01",
                ["Slack__HelloTimeout"] = "00:00:02",
                ["Slack__InitialReconnectDelay"] = "00:00:00.200",
                ["Slack__MaxReconnectDelay"] = "00:00:02",

                // Two processes on one machine: metrics on loopback and a free port each.
                ["Metrics__BindAddress"] = "127.0.0.1",
                ["Metrics__Port"] = "0",
                ["DOTNET_NOLOGO"] = "1",
            });
        _operators.Add(process);
        return process;
    }

    private async Task CreateBotAsync()
    {
        _app = _slack.AddApp("habot");
        _slack.AddChannelMember("general", _app.BotUserId);
        await _api.CreateAsync(new ResourceType(string.Empty, "v1", "namespaces", "Namespace", false), null,
            new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = Namespace } },
            CancellationToken.None);
        await CreateSecretAsync("bot", _app.BotToken);
        await CreateSecretAsync("app", _app.AppToken);
        var general = new ChannelSpec
        {
            Name = "general",
            Behaviours =
            [
                new BehaviourSpec
                {
                    Reply = new ReplyBehaviour
                    {
                        When = new MessageMatch { Contains = "ping" }, Text = "pong", InThread = true,
                    },
                },
            ],
        };
        await _api.CreateAsync(ResourceType.For<SlackBot>(), Namespace, new SlackBot
        {
            Metadata = new V1ObjectMeta { Name = "habot", NamespaceProperty = Namespace },
            Spec = OperatorEnvironment.Spec("bot", "token", "app", "token", general),
        }, CancellationToken.None);
    }

    private Task CreateSecretAsync(string name, string token) =>
        _api.CreateAsync(ResourceType.Secrets, Namespace, new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            StringData = new Dictionary<string, string> { ["token"] = token },
        }, CancellationToken.None);

    /// <summary>Waits until the Lease names a live holder other than <paramref name="notHolder"/>.</summary>
    private async Task<string> WaitForLeaderAsync(string? notHolder)
    {
        var lease = await PollAsync(
            () => _api.GetAsync<V1Lease>(ResourceType.Leases, "default", "slack-operator", CancellationToken.None),
            l => !string.IsNullOrEmpty(l?.Spec?.HolderIdentity) && l.Spec.HolderIdentity != notHolder,
            HandoverLimit, l => $"holder {l?.Spec?.HolderIdentity ?? "(none)"}\n{Tails()}");
        return lease!.Spec.HolderIdentity;
    }

    private Task WaitForConnectionsAsync(int opened) =>
        PollAsync(() => Task.FromResult(_slack.GetDeliveryStats(_app.AppId)),
            s => s.OpenConnections == 1 && s.ConnectionsOpened == opened, HandoverLimit,
            s => $"{s}\n{Tails()}");

    /// <summary>For a few seconds (several retry periods), the standby runs but never opens a socket.</summary>
    private async Task StandbyStaysOffSlackAsync(OperatorProcess standby)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(3))
        {
            var stats = _slack.GetDeliveryStats(_app.AppId);
            Assert.True(stats.ConnectionsOpened == 1 && stats.OpenConnections == 1, $"{stats}\n{Tails()}");
            Assert.False(standby.HasExited, standby.Tail);
            await Task.Delay(100);
        }
    }

    private async Task<List<string>> SendAndAwaitRepliesAsync(string label, int count)
    {
        var sent = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var ts = await _slack.PostUserMessageAsync("general", "U0ALICE", $"ping {label} {i}");
            await _slack.WaitForBotMessageAsync("general", m => m.ThreadTs == ts, TimeSpan.FromSeconds(10));
            sent.Add(ts);
        }

        return sent;
    }

    private async Task<List<string>> SendAsync(string label, int count)
    {
        var sent = new List<string>();
        for (var i = 0; i < count; i++)
        {
            sent.Add(await _slack.PostUserMessageAsync("general", "U0ALICE", $"ping {label} {i}"));
        }

        return sent;
    }

    /// <summary>
    /// Waits until every message has a reply, then keeps watching for longer than one redelivery (AckTimeout)
    /// so a second reply from a redelivered event would be seen.
    /// </summary>
    private async Task AssertOneReplyEachAsync(IReadOnlyList<string> sent, OperatorProcess leader)
    {
        await PollAsync(() => Task.FromResult(RepliesPerMessage(sent)), counts => counts.All(c => c >= 1),
            TimeSpan.FromSeconds(40), counts => $"replies per message: [{string.Join(", ", counts)}]\n{leader.Tail}");
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(6))
        {
            var counts = RepliesPerMessage(sent);
            Assert.True(counts.All(c => c == 1), $"replies per message: [{string.Join(", ", counts)}]\n{Tails()}");
            await Task.Delay(200);
        }
    }

    private List<int> RepliesPerMessage(IReadOnlyList<string> sent)
    {
        var replies = _slack.GetMessages("general").Where(m => m.BotId == _app.BotId).ToList();
        return [.. sent.Select(ts => replies.Count(r => r.ThreadTs == ts))];
    }

    /// <summary>Reads until <paramref name="done"/> holds or <paramref name="timeout"/> passes, then fails.</summary>
    private static async Task<T> PollAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, Func<T, string> describe)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed >= timeout)
            {
                throw new Xunit.Sdk.XunitException($"not reached within {timeout}; last seen: {describe(value)}");
            }

            await Task.Delay(100);
        }
    }

    private string Tails() => string.Join('\n', _operators.Select(p => p.Tail));

    private sealed class Unlimited : IKubernetesRequestObserver
    {
        public ValueTask BeforeRequestAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public void OnResponse(string verb, ResourceType type, int statusCode)
        {
        }
    }
}
