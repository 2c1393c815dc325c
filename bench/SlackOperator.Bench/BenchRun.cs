using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SlackOperator.Bench;

/// <summary>
/// One benchmark run: emulators and operator as separate processes, N apps, Secrets and SlackBots, then the
/// time until all are Ready, the operator's API requests, its memory and its writes in steady state.
/// </summary>
internal sealed partial class BenchRun(
    BenchOptions options, string workDir, BenchResult result, IBenchSetup? setup = null) : IDisposable
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);

    private readonly List<ChildProcess> _children = [];
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    /// <summary>The emulator host (Kubernetes and Slack), once started.</summary>
    public ChildProcess? Emulator { get; private set; }

    /// <summary>The operator, once started; it runs until this run is disposed.</summary>
    public ChildProcess? Operator { get; private set; }

    /// <summary>The Slack emulator's root address, once it listens.</summary>
    public Uri? SlackUrl { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        var kubeconfig = Path.Combine(workDir, "kubeconfig");
        var emulator = Start("emulator", ["all", "--kubeconfig", kubeconfig], "emulators.log");
        var kubeUrl = await emulator.WaitForLineAsync(KubeLine(), _startTimeout, ct);
        var slackUrl = await emulator.WaitForLineAsync(SlackLine(), _startTimeout, ct);
        await emulator.WaitForLineAsync(KubeconfigLine(), _startTimeout, ct);
        Say($"emulators up: kubernetes {kubeUrl}, slack {slackUrl}");
        (Emulator, SlackUrl) = (emulator, new Uri(slackUrl));

        using var kube = new KubeApi(new Uri(kubeUrl), KubeApi.ReadToken(kubeconfig));
        using var slack = new SlackControl(new Uri(slackUrl));
        await ApplyCrdAsync(kubeconfig, ct);
        for (var n = 0; n < options.Namespaces; n++)
        {
            var name = Manifests.NamespaceName(n);
            await kube.CreateAsync("/api/v1/namespaces", "namespaces", Manifests.Namespace(name), ct);
        }

        var botUserIds = new string[options.Bots];
        result.AppsSeconds = await ForEachAsync(
            async i => botUserIds[i] = await slack.AddAppAsync(Manifests.AppName(i), ct), ct);
        Say($"{options.Bots} Slack apps created in {result.AppsSeconds:0.00} s");
        if (setup is not null)
        {
            await setup.AfterAppsAsync(slack, botUserIds, ct);
        }

        var before = new RequestLog(await kube.GetRecordedRequestsAsync(ct));
        var ownBefore = new Dictionary<string, int>(kube.Sent);
        var op = StartOperator(kubeconfig, slackUrl);
        Operator = op;
        await WaitForOperatorListsAsync(kube, op, before.Count, ct);
        result.OperatorIdleMb = ProcStats.ResidentMb(op.Id) ?? 0;
        Say($"operator up (pid {op.Id}, {result.OperatorIdleMb:0} MB idle)");

        result.SecretsSeconds = await ForEachAsync(i =>
        {
            var (botToken, appToken) = SlackControl.Tokens(Manifests.AppName(i));
            var ns = Manifests.NamespaceName(i % options.Namespaces);
            var secret = Manifests.Secret(ns, SecretName(i), botToken, appToken);
            return kube.CreateAsync($"/api/v1/namespaces/{ns}/secrets", "secrets", secret, ct);
        }, ct);
        Say($"{options.Bots} Secrets created in {result.SecretsSeconds:0.00} s");

        var cpuBefore = ProcStats.CpuSeconds(op.Id);
        var emulatorCpuBefore = ProcStats.CpuSeconds(emulator.Id);
        await CreateBotsUntilReadyAsync(kube, op, ct);
        await Task.Delay(300, ct);
        result.MemoryMb = ProcStats.ResidentMb(op.Id);
        result.StartupCpuSeconds = ProcStats.CpuSeconds(op.Id) - cpuBefore;
        result.EmulatorStartupCpuSeconds = ProcStats.CpuSeconds(emulator.Id) - emulatorCpuBefore;
        var ready = new RequestLog(await kube.GetRecordedRequestsAsync(ct));
        var ownAtReady = new Dictionary<string, int>(kube.Sent);
        result.StartupRequests = RequestLog.Subtract(ready.CountsSince(before.Count), ownAtReady, ownBefore);
        (result.OpenSockets, result.SocketsOpened) = await slack.ConnectionsAsync(ct);

        if (options.SteadySeconds > 0)
        {
            Say($"counting the operator's requests for {options.SteadySeconds} s of steady state");
            var cpuAtReady = ProcStats.CpuSeconds(op.Id);
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(options.SteadySeconds), ct);
            var after = new RequestLog(await kube.GetRecordedRequestsAsync(ct));
            result.SteadySeconds = clock.Elapsed.TotalSeconds;
            result.SteadyRequests = RequestLog.Subtract(after.CountsSince(ready.Count), kube.Sent, ownAtReady);
            result.SteadyCpuSeconds = ProcStats.CpuSeconds(op.Id) - cpuAtReady;
            result.MemoryAfterSteadyMb = ProcStats.ResidentMb(op.Id);
            result.RequestLogOverflowed = after.Overflowed;
            (result.OpenSocketsAfterSteady, result.SocketsOpenedAfterSteady) = await slack.ConnectionsAsync(ct);
        }
        else
        {
            result.RequestLogOverflowed = ready.Overflowed;
        }

        if (op.HasExited)
        {
            throw new InvalidOperationException($"the operator exited; see the end of {op.LogFile}");
        }
    }

    /// <summary>The tail of each child's output, for a run that failed.</summary>
    public IEnumerable<string> Tails() =>
        _children.SelectMany(c => c.Tail(15).Prepend($"--- {Path.GetFileName(c.LogFile)} (last lines) ---"));

    public void Dispose()
    {
        // The operator first, so it does not log a storm of lost connections while the emulators go away.
        for (var i = _children.Count - 1; i >= 0; i--)
        {
            _children[i].Dispose();
        }
    }

    private static string SecretName(int index) => $"{Manifests.BotName(index)}-tokens";

    [GeneratedRegex(@"kubernetes emulator listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex KubeLine();

    [GeneratedRegex(@"slack emulator listening on (http://127\.0\.0\.1:\d+/?)")]
    private static partial Regex SlackLine();

    [GeneratedRegex("(kubeconfig written)")]
    private static partial Regex KubeconfigLine();

    private ChildProcess Start(string program, IEnumerable<string> args, string logName,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var path = Path.Combine(options.BinDirectory, program);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found; run `make demo-binaries` first", path);
        }

        var child = ChildProcess.Start(path, args, Path.Combine(workDir, logName), environment);
        _children.Add(child);
        return child;
    }

    private ChildProcess StartOperator(string kubeconfig, string slackUrl)
    {
        List<string> args = ["run", "--kubeconfig", kubeconfig, "--slack-api-url", slackUrl.TrimEnd('/') + "/api/"];
        if (options.Workers is { } workers)
        {
            args.AddRange(["--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        // The metrics and health endpoint: loopback and a free port unless the caller chose otherwise.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in new[] { ("Metrics__BindAddress", "127.0.0.1"), ("Metrics__Port", "0") })
        {
            if (Environment.GetEnvironmentVariable(name) is null)
            {
                environment[name] = value;
            }
        }

        return Start("slack-operator", args, "operator.log", environment);
    }

    private async Task ApplyCrdAsync(string kubeconfig, CancellationToken ct)
    {
        string[][] steps =
        [
            ["apply", "-f", Path.Combine(options.RepositoryRoot, "crds"), "--kubeconfig", kubeconfig],
            ["wait", "--for=condition=Established", "crd/slackbots.slackoperator.io", "--timeout=30s",
                "--kubeconfig", kubeconfig],
        ];
        foreach (var (step, index) in steps.Select((s, i) => (s, i)))
        {
            using var kubectl = ChildProcess.Start("kubectl", step, Path.Combine(workDir, $"kubectl-{index}.log"));
            var code = await kubectl.WaitForExitAsync(_startTimeout, ct);
            if (code != 0)
            {
                throw new InvalidOperationException(
                    $"kubectl {step[0]} failed ({code}): {string.Join(" | ", kubectl.Tail(5))}");
            }
        }

        Say("CRD applied and Established");
    }

    /// <summary>The operator is ready once its informers listed SlackBots and Secrets.</summary>
    private static async Task WaitForOperatorListsAsync(KubeApi kube, ChildProcess op, int from, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < _startTimeout)
        {
            var counts = new RequestLog(await kube.GetRecordedRequestsAsync(ct)).CountsSince(from);
            if (counts.ContainsKey("list slackbots") && counts.ContainsKey("list secrets"))
            {
                return;
            }

            if (op.HasExited)
            {
                throw new InvalidOperationException($"the operator exited: {string.Join(" | ", op.Tail(10))}");
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException("the operator did not list SlackBots and Secrets within 60 s");
    }

    private async Task CreateBotsUntilReadyAsync(KubeApi kube, ChildProcess op, CancellationToken ct)
    {
        // Steady state and a margin must still fit into the overall cap.
        var budget = TimeSpan.FromSeconds(options.TimeoutSeconds - options.SteadySeconds - 20) - _sinceStart.Elapsed;
        if (budget < TimeSpan.FromSeconds(10))
        {
            budget = TimeSpan.FromSeconds(10);
        }

        var clock = Stopwatch.StartNew();
        var create = ForEachAsync(i =>
        {
            var ns = Manifests.NamespaceName(i % options.Namespaces);
            var bot = setup?.SlackBot(ns, Manifests.BotName(i), SecretName(i), i)
                ?? Manifests.SlackBot(ns, Manifests.BotName(i), SecretName(i));
            return kube.CreateAsync($"/apis/slackoperator.io/v1alpha1/namespaces/{ns}/slackbots", "slackbots", bot,
                ct);
        }, ct);
        var lastSay = TimeSpan.Zero;
        while (clock.Elapsed < budget)
        {
            var pollStarted = clock.Elapsed;
            var (total, ready) = await kube.CountReadyBotsAsync(ct);
            result.Polls++;
            var now = clock.Elapsed.TotalSeconds;
            result.ReadyBots = ready;
            result.FirstReadySeconds ??= ready > 0 ? now : null;
            result.HalfReadySeconds ??= ready * 2 >= options.Bots ? now : null;
            result.NinetyReadySeconds ??= ready * 10 >= options.Bots * 9 ? now : null;
            if (create.IsCompleted && result.BotsSeconds == 0)
            {
                result.BotsSeconds = await create;
                Say($"{options.Bots} SlackBots created in {result.BotsSeconds:0.00} s");
            }

            if (ready >= options.Bots)
            {
                result.ReadySeconds = now;
                result.BotsSeconds = await create;
                Say($"all {ready} SlackBots Ready {now:0.00} s after the first was applied");
                return;
            }

            if (op.HasExited)
            {
                throw new InvalidOperationException($"the operator exited: {string.Join(" | ", op.Tail(10))}");
            }

            if (clock.Elapsed - lastSay >= TimeSpan.FromSeconds(2))
            {
                lastSay = clock.Elapsed;
                Say($"{now,6:0.0} s: {total} created, {ready} Ready");
            }

            var wait = TimeSpan.FromSeconds(options.PollSeconds) - (clock.Elapsed - pollStarted);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }
        }

        await create;
        Say($"gave up after {budget.TotalSeconds:0} s: {result.ReadyBots} of {options.Bots} Ready");
    }

    private async Task<double> ForEachAsync(Func<int, Task> action, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Bots), parallel, async (i, _) => await action(i));
        return clock.Elapsed.TotalSeconds;
    }

    private void Say(string text) => Console.Error.WriteLine($"[{_sinceStart.Elapsed.TotalSeconds,6:0.0}] {text}");
}
