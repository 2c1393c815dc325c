using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.WebApi;

public sealed class ApiCallJournalTests : WebApiTestBase
{
    [Fact]
    public async Task GetApiCalls_RateLimitedThenAnsweredOpen_RecordsBothInOrderWithAppAndResult()
    {
        Emulator.Faults.RateLimitNext("apps.connections.open", 1, 1);
        var before = DateTimeOffset.UtcNow;

        await Api.PostFormAsync("apps.connections.open", TestEmulator.AppToken);
        await Api.PostFormAsync("apps.connections.open", TestEmulator.AppToken);
        await Api.PostFormAsync("auth.test", TestEmulator.BotToken);

        var opens = Emulator.GetApiCalls("apps.connections.open");
        Assert.Equal(
            [(TestEmulator.AppId, "http_429"), (TestEmulator.AppId, "ok")],
            opens.Select(c => ((string?)c.AppId, c.Result)).ToList());
        Assert.True(opens[0].At >= before && opens[1].At >= opens[0].At, $"{opens[0].At:O} then {opens[1].At:O}");
        Assert.Equal(3, Emulator.GetApiCalls().Count);
    }

    [Fact]
    public async Task GetApiCalls_UnknownToken_RecordsNoAppAndTheError()
    {
        await Api.PostFormAsync("auth.test", "xoxb-nobody");

        var call = Assert.Single(Emulator.GetApiCalls("auth.test"));

        Assert.Equal((null, "invalid_auth"), (call.AppId, call.Result));
    }
}
