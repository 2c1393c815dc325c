using System.Net.Http.Json;
using SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

namespace SlackOperator.Emulators.Kubernetes.Tests.Http;

public sealed class FaultTests : HttpTestBase
{
    [Theory]
    [InlineData(429, "TooManyRequests")]
    [InlineData(500, "InternalError")]
    public async Task FailNextRequests_Injected_StatusWithRetryAfterThenRecovers(int code, string reason)
    {
        Emulator.Faults.FailNextRequests(2, code, 3);

        var first = await Api.GetAsync(ApiClient.Bots);
        var second = await Api.GetAsync(ApiClient.Bots);
        var third = await Api.GetAsync(ApiClient.Bots);

        Assert.Equal(code, first.Code);
        Assert.Equal(reason, first.Str("reason"));
        Assert.Equal("3", first.Str("details", "retryAfterSeconds"));
        Assert.Equal("3", Assert.Single(first.Headers.GetValues("Retry-After")));
        Assert.Equal(code, second.Code);
        Assert.Equal(200, third.Code);
    }

    [Fact]
    public async Task ConflictNextWrites_ForOneResource_OnlyThoseWritesConflict()
    {
        await Api.CreateBotAsync("a");
        Emulator.Faults.ConflictNextWrites(1, "slackbots");

        var conflicted = await Api.PatchAsync($"{ApiClient.Bots}/a", """{"spec":{"suspend":true}}""");
        var succeeded = await Api.PatchAsync($"{ApiClient.Bots}/a", """{"spec":{"suspend":true}}""");

        Assert.Equal(409, conflicted.Code);
        Assert.Equal("Conflict", conflicted.Str("reason"));
        Assert.Equal(200, succeeded.Code);
    }

    [Fact]
    public async Task ControlEndpoints_OverHttp_HealthAndFaults()
    {
        var health = await Api.GetAsync("/_emulator/healthz");
        var injected = await Api.Http.PostAsync("/_emulator/faults/fail-next-requests?count=1&status=429&retryAfter=2",
            null);
        var failed = await Api.GetAsync(ApiClient.Bots);

        Assert.Equal("ok", health.Str("status"));
        Assert.True(injected.IsSuccessStatusCode);
        Assert.Equal(429, failed.Code);
        Assert.Equal("2", Assert.Single(failed.Headers.GetValues("Retry-After")));
    }

    [Fact]
    public async Task Requests_Recorded_InRbacTerms()
    {
        await Api.CreateBotAsync("a");
        await Api.PatchAsync($"{ApiClient.Bots}/a/status", """{"status":{"observedGeneration":1}}""");

        var recorded = await Api.Http.GetFromJsonAsync<List<Dictionary<string, object>>>("/_emulator/requests");

        Assert.Contains(Emulator.Requests, r => r is
        {
            Verb: "create", Group: "slackoperator.io", Version: "v1alpha1", Resource: "slackbots",
            Namespace: "default", StatusCode: 201,
        });
        Assert.Contains(Emulator.Requests, r => r is
            { Verb: "patch", Resource: "slackbots", Subresource: "status", Name: "a", StatusCode: 200 });
        Assert.NotEmpty(recorded!);
    }

    [Fact]
    public async Task RestartAsync_WithOpenWatch_EndsWatchKeepsDataAndCounter()
    {
        var created = await Api.CreateBotAsync("a");
        await using var watch = await WatchAsync($"resourceVersion={Rv(created)}");

        await Emulator.RestartAsync();

        Assert.Null(await watch.NextAsync());
        var kept = await Api.GetAsync($"{ApiClient.Bots}/a");
        var next = await Api.CreateBotAsync("b");
        Assert.Equal(200, kept.Code);
        Assert.True(Rv(next) > Rv(created));
    }
}
