using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.WebApi;

public sealed class ApiCallJournalTests : IAsyncLifetime
{
    private SlackEmulator _emulator = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        _api = new ApiClient(_emulator);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task GetApiCalls_RateLimitedThenAnsweredOpen_RecordsBothInOrderWithAppAndResult()
    {
        _emulator.Faults.RateLimitNext("apps.connections.open", 1, 1);
        var before = DateTimeOffset.UtcNow;

        await _api.PostFormAsync("apps.connections.open", TestEmulator.AppToken);
        await _api.PostFormAsync("apps.connections.open", TestEmulator.AppToken);
        await _api.PostFormAsync("auth.test", TestEmulator.BotToken);

        var opens = _emulator.GetApiCalls("apps.connections.open");
        Assert.Equal(
            [(TestEmulator.AppId, "http_429"), (TestEmulator.AppId, "ok")],
            opens.Select(c => ((string?)c.AppId, c.Result)).ToList());
        Assert.True(opens[0].At >= before && opens[1].At >= opens[0].At, $"{opens[0].At:O} then {opens[1].At:O}");
        Assert.Equal(3, _emulator.GetApiCalls().Count);
    }

    [Fact]
    public async Task GetApiCalls_UnknownToken_RecordsNoAppAndTheError()
    {
        await _api.PostFormAsync("auth.test", "xoxb-nobody");

        var call = Assert.Single(_emulator.GetApiCalls("auth.test"));

        Assert.Equal((null, "invalid_auth"), (call.AppId, call.Result));
    }
}
