using SlackOperator.Emulators.Slack.Tests.Support;

namespace SlackOperator.Emulators.Slack.Tests.WebApi;

public sealed class WebApiAuthTests : WebApiTestBase
{
    [Fact]
    public async Task AuthTest_NoToken_ReturnsNotAuthed()
    {
        var answer = await Api.PostFormAsync("auth.test", null);

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"ok":false,"error":"not_authed"}""", answer.Body.ToJsonString());
    }

    [Fact]
    public async Task AuthTest_UnknownToken_ReturnsInvalidAuth()
    {
        var answer = await Api.PostFormAsync("auth.test", "xoxb-nobody");

        Assert.Equal("invalid_auth", answer.Error);
    }

    [Fact]
    public async Task AuthTest_RevokedToken_ReturnsTokenRevoked()
    {
        Emulator.RevokeToken(TestEmulator.BotToken);

        var answer = await Api.PostFormAsync("auth.test", TestEmulator.BotToken);

        Assert.Equal("token_revoked", answer.Error);
    }

    [Fact]
    public async Task AuthTest_BotToken_ReturnsIdentityAndScopeHeaders()
    {
        var answer = await Api.PostFormAsync("auth.test", TestEmulator.BotToken);

        Assert.True(answer.Ok, answer.Body.ToJsonString());
        Assert.Equal("https://emulated-workspace.slack.com/", answer.Body["url"]!.GetValue<string>());
        Assert.Equal("Emulated Workspace", answer.Body["team"]!.GetValue<string>());
        Assert.Equal("kittenbot", answer.Body["user"]!.GetValue<string>());
        Assert.Equal("T0EMULATOR", answer.Body["team_id"]!.GetValue<string>());
        Assert.Equal("U0KITTENBOT", answer.Body["user_id"]!.GetValue<string>());
        Assert.Equal("B0KITTENBOT", answer.Body["bot_id"]!.GetValue<string>());
        Assert.False(answer.Body["is_enterprise_install"]!.GetValue<bool>());
        Assert.Contains("chat:write", answer.Header("X-OAuth-Scopes").Split(','));
    }

    [Fact]
    public async Task AuthTest_TokenAsFormField_Authenticates()
    {
        var answer = await Api.PostFormAsync("auth.test", null, ("token", TestEmulator.BotToken));

        Assert.True(answer.Ok, answer.Body.ToJsonString());
    }

    [Fact]
    public async Task ChatPostMessage_AppToken_ReturnsNotAllowedTokenType()
    {
        var answer = await Api.PostFormAsync(
            "chat.postMessage", TestEmulator.AppToken, ("channel", "C0GENERAL"), ("text", "hi"));

        Assert.Equal("not_allowed_token_type", answer.Error);
    }

    [Fact]
    public async Task AppsConnectionsOpen_BotToken_ReturnsNotAllowedTokenType()
    {
        var answer = await Api.PostFormAsync("apps.connections.open", TestEmulator.BotToken);

        Assert.Equal("not_allowed_token_type", answer.Error);
    }

    [Fact]
    public async Task AppsConnectionsOpen_AppToken_ReturnsLoopbackSocketUrl()
    {
        var answer = await Api.PostFormAsync("apps.connections.open", TestEmulator.AppToken);

        var url = new Uri(answer.Body["url"]!.GetValue<string>());
        Assert.Equal("ws", url.Scheme);
        Assert.Equal("127.0.0.1", url.Host);
        Assert.Equal("/link/", url.AbsolutePath);
        Assert.Contains("app_id=A0KITTENBOT", url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatPostMessage_ScopeNotGranted_ReturnsMissingScopeWithNeededAndProvided()
    {
        Emulator.SetBotScopes(TestEmulator.AppId, ["users:read"]);

        var answer = await Api.PostFormAsync(
            "chat.postMessage", TestEmulator.BotToken, ("channel", "C0GENERAL"), ("text", "hi"));

        Assert.Equal("missing_scope", answer.Error);
        Assert.Equal("chat:write", answer.Body["needed"]!.GetValue<string>());
        Assert.Equal("users:read", answer.Body["provided"]!.GetValue<string>());
        Assert.Equal("chat:write", answer.Header("X-Accepted-OAuth-Scopes"));
    }

    [Fact]
    public async Task ApiTest_WithTokenAndArgs_EchoesArgsButNeverTheToken()
    {
        var answer = await Api.PostFormAsync("api.test", null, ("token", TestEmulator.BotToken), ("foo", "bar"));

        Assert.True(answer.Ok);
        Assert.Equal("""{"foo":"bar"}""", answer.Body["args"]!.ToJsonString());
    }

    [Fact]
    public async Task UnknownMethod_AnyToken_ReturnsUnknownMethod()
    {
        var answer = await Api.PostFormAsync("channels.history", TestEmulator.BotToken);

        Assert.Equal("unknown_method", answer.Error);
        Assert.Equal("channels.history", answer.Body["req_method"]!.GetValue<string>());
    }
}
