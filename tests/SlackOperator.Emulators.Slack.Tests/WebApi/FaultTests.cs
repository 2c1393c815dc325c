using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.WebApi;

public sealed class FaultTests : WebApiTestBase
{
    [Fact]
    public async Task RateLimitNext_TwoCalls_Answers429WithRetryAfterThenRecovers()
    {
        Emulator.Faults.RateLimitNext("auth.test", 2, 7);

        var first = await Api.PostFormAsync("auth.test", TestEmulator.BotToken);
        var second = await Api.PostFormAsync("auth.test", TestEmulator.BotToken);
        var third = await Api.PostFormAsync("auth.test", TestEmulator.BotToken);

        Assert.Equal(429, first.Status);
        Assert.Equal("7", first.Header("Retry-After"));
        Assert.Equal("""{"ok":false,"error":"ratelimited"}""", first.Body.ToJsonString());
        Assert.Equal(429, second.Status);
        Assert.True(third.Ok);
    }

    [Fact]
    public async Task FailNext_OneCall_AnswersStatusOnceForThatMethodOnly()
    {
        Emulator.Faults.FailNext("chat.postMessage", 1, 503);

        var other = await Api.PostFormAsync("auth.test", TestEmulator.BotToken);
        var failed = await Post();
        var recovered = await Post();

        Assert.True(other.Ok);
        Assert.Equal(503, failed.Status);
        Assert.True(recovered.Ok, recovered.Body.ToJsonString());
    }

    [Fact]
    public async Task ControlApi_RateLimitFaultOverHttp_AppliesToNextCall()
    {
        await Api.ControlAsync("faults/rate-limit",
            new() { ["method"] = "users.info", ["count"] = 1, ["retry_after"] = 3 });

        var answer = await Api.PostFormAsync("users.info", TestEmulator.BotToken, ("user", "U0BOB"));

        Assert.Equal(429, answer.Status);
        Assert.Equal("3", answer.Header("Retry-After"));
    }

    private Task<ApiAnswer> Post() => Api.PostFormAsync(
        "chat.postMessage", TestEmulator.BotToken, ("channel", "C0GENERAL"), ("text", "hi"));
}
