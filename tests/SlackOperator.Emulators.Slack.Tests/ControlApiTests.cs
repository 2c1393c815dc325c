using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests;

public sealed class ControlApiTests
{
    [Fact]
    public async Task Messages_PostThenList_ReturnsTsAndRecordedMessage()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);

        var posted = await api.ControlAsync("messages",
            new() { ["channel"] = "general", ["user"] = "U0BOB", ["text"] = "from curl" });
        var listed = await api.ControlAsync("messages?channel=general");

        var message = Assert.Single(listed.AsArray())!;
        Assert.Equal(posted["ts"]!.GetValue<string>(), message["ts"]!.GetValue<string>());
        Assert.Equal("U0BOB", message["user"]!.GetValue<string>());
        Assert.Equal("from curl", message["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apps_AddedOverHttp_AuthenticatesWithDefaultPatternTokens()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);

        var app = await api.ControlAsync("apps", new() { ["bot_name"] = "dogbot" });
        var identity = await api.PostFormAsync("auth.test", "xoxb-emulator-dogbot");

        Assert.Equal(app["bot_user_id"]!.GetValue<string>(), identity.Body["user_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Healthz_AndStats_AnswerJson()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = new ApiClient(emulator);

        var health = await api.ControlAsync("healthz");
        var stats = await api.ControlAsync("stats");

        Assert.True(health["ok"]!.GetValue<bool>());
        Assert.Equal("A0KITTENBOT", stats["apps"]![0]!["app_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Channels_UnknownChannelMessage_Answers404()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(emulator.BaseUrl, "_emulator/messages"), new StringContent(
            new JsonObject { ["channel"] = "nope", ["user"] = "U0BOB", ["text"] = "x" }.ToJsonString()));

        Assert.Equal(404, (int)response.StatusCode);
    }
}
