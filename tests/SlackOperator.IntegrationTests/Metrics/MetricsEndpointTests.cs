using System.Diagnostics;
using System.Net;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Metrics;

/// <summary>
/// The operator's one metrics port on loopback: the probes answer, and a scrape after a bot became Ready carries
/// every metric issue 3 asks for, with values that match what happened.
/// </summary>
[Collection(OperatorCollection.Name)]
public sealed class MetricsEndpointTests(OperatorEnvironment env) : IDisposable
{
    private const string Ns = "metrics";
    private const string Prefix = "slackoperator_kubernetes_";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Healthz_OperatorRunning_200Ok()
    {
        var (status, body) = await GetAsync("/healthz");

        Assert.Equal((HttpStatusCode.OK, "ok\n"), (status, body));
    }

    [Fact]
    public async Task Readyz_InformersSynced_200Ok()
    {
        var (status, body) = await GetAsync("/readyz");

        Assert.Equal((HttpStatusCode.OK, "ok\n"), (status, body));
    }

    [Fact]
    public async Task Metrics_AfterBotReadyAndFaults_ExportsEveryRequiredMetric()
    {
        Assert.Equal("127.0.0.1", env.MetricsUrl.Host);
        await env.CreateNamespaceAsync(Ns);
        var app = env.Slack.AddApp("metricsbot");
        await env.CreateSecretAsync(Ns, "bot", "token", app.BotToken);
        await env.CreateSecretAsync(Ns, "app", "token", app.AppToken);
        await env.CreateBotAsync(Ns, "ready", OperatorEnvironment.Spec("bot", "token", "app", "token"));
        await env.CreateBotAsync(Ns, "waiting", OperatorEnvironment.Spec("absent", "token", "app", "token"));
        await env.WaitForConditionAsync(Ns, "ready", "Ready", c => c.Status == "True");
        await env.WaitForConditionAsync(Ns, "waiting", "Ready", c => c.Reason == "SecretNotFound");
        env.Kube.Faults.ExpireNextWatch();
        env.Kube.Faults.DropWatches();

        var scrape = await ScrapeUntilAsync(s =>
            s.Sum("slackoperator_bots", ("state", "Connected")) >= 1
            && s.Sum(Prefix + "informer_watch_restarts_total", ("cause", "expired")) >= 1
            && s.Sum(Prefix + "workqueue_retries_total", ("resource", "slackbots")) >= 1);

        AssertAtLeast(scrape, 1, Prefix + "controller_reconciles_total", ("resource", "slackbots"), ("result", "done"));
        AssertAtLeast(scrape, 1, Prefix + "controller_reconciles_total", ("result", "backoff"));
        AssertAtLeast(scrape, 1, Prefix + "controller_reconcile_duration_seconds_count", ("resource", "slackbots"));
        AssertAtLeast(scrape, 1, Prefix + "controller_reconcile_duration_seconds_bucket", ("le", "+Inf"));
        Assert.True(scrape.Has(Prefix + "workqueue_depth"), "workqueue_depth missing");
        Assert.InRange(scrape.Sum(Prefix + "workqueue_depth"), 0, 100);
        AssertAtLeast(scrape, 1, Prefix + "workqueue_retries_total", ("resource", "slackbots"));
        AssertAtLeast(scrape, 1, Prefix + "informer_watch_restarts_total", ("resource", "slackbots"));
        AssertAtLeast(scrape, 1, Prefix + "informer_watch_restarts_total", ("cause", "expired"));
        AssertAtLeast(scrape, 1, Prefix + "api_requests_total", ("verb", "list"), ("resource", "slackbots"),
            ("code", "200"));
        AssertAtLeast(scrape, 1, Prefix + "api_requests_total", ("resource", "secrets"));
        AssertAtLeast(scrape, 1, "slackoperator_bots", ("state", "Connected"));
        foreach (var state in new[] { "Connecting", "Reconnecting", "Failed", "Stopped" })
        {
            Assert.True(scrape.Sum("slackoperator_bots", ("state", state)) >= 0
                && scrape.Describe("slackoperator_bots").Contains($"state={state}", StringComparison.Ordinal),
                $"no slackoperator_bots series for {state}: {scrape.Describe("slackoperator_bots")}");
        }

        AssertAtLeast(scrape, 1, "slackoperator_slack_web_api_calls_total", ("method", "auth.test"), ("result", "ok"));
        AssertAtLeast(scrape, 1, "slackoperator_slack_web_api_calls_total", ("method", "apps.connections.open"));
        Assert.True(scrape.Has("process_start_time_seconds"), "process metrics missing");
    }

    private static void AssertAtLeast(
        PrometheusText scrape, double minimum, string name, params (string Key, string Value)[] labels)
    {
        var value = scrape.Sum(name, labels);
        Assert.True(value >= minimum,
            $"{name} with {string.Join(",", labels)} was {value}, expected >= {minimum}; "
            + $"seen: {scrape.Describe(name)}");
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(env.MetricsUrl, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Scrapes until <paramref name="done"/> holds (bounded): restarts and gauges trail events.</summary>
    private async Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, status);
            var scrape = new PrometheusText(body);
            if (done(scrape) || clock.Elapsed > Patience)
            {
                return scrape;
            }

            await Task.Delay(100);
        }
    }
}
