using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SlackOperator.Slack;
using SlackOperator.Slack.WebApi;
using SlackOperator.Tests.Support;

namespace SlackOperator.Tests.Slack.WebApi;

public sealed class SlackWebApiTests : IDisposable
{
    private const string Token = "xoxb-1111-2222-SECRETSECRET";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private readonly StubHttpMessageHandler _slack = new();
    private readonly TimerRecordingTimeProvider _time = new();

    public void Dispose() => _slack.Dispose();

    [Fact]
    public async Task AuthTestAsync_AnyCall_SendsTokenAsBearer()
    {
        _slack.RespondJson("""{"ok":true,"user_id":"U1","user":"kitten","team_id":"T1","team":"Cats"}""");

        await CreateSut().AuthTestAsync(Token, CancellationToken.None);

        Assert.Equal($"Bearer {Token}", Assert.Single(_slack.Requests).Authorization);
    }

    [Fact]
    public async Task AuthTestAsync_AnyCall_PostsToMethodUnderApiBase()
    {
        _slack.RespondJson("""{"ok":true}""");

        await CreateSut().AuthTestAsync(Token, CancellationToken.None);

        var request = Assert.Single(_slack.Requests);
        Assert.Equal("POST https://slack.test/api/auth.test", $"{request.Method} {request.Uri}");
    }

    [Fact]
    public async Task AuthTestAsync_Ok_ReadsIdentity()
    {
        _slack.RespondJson(
            """{"ok":true,"user_id":"U1","bot_id":"B1","user":"kitten","team_id":"T1","team":"Cats","url":"u"}""");

        var result = await CreateSut().AuthTestAsync(Token, CancellationToken.None);

        Assert.Equal(new AuthIdentity("U1", "B1", "kitten", "T1", "Cats", "u"), result.Value);
    }

    [Fact]
    public async Task AuthTestAsync_InvalidAuth_ReturnsAuthFailure()
    {
        _slack.RespondJson("""{"ok":false,"error":"invalid_auth"}""");

        var result = await CreateSut().AuthTestAsync(Token, CancellationToken.None);

        Assert.Equal(("invalid_auth", true), (result.Error?.Code, result.Error?.IsAuthFailure ?? false));
    }

    [Fact]
    public async Task AuthTestAsync_InvalidAuth_DoesNotRetry()
    {
        _slack.RespondJson("""{"ok":false,"error":"invalid_auth"}""");

        await CreateSut().AuthTestAsync(Token, CancellationToken.None);

        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task PostMessageAsync_MissingScope_DetailNamesNeededAndProvidedScopes()
    {
        _slack.RespondJson(
            """{"ok":false,"error":"missing_scope","needed":"chat:write","provided":"channels:read"}""");

        var result = await CreateSut().PostMessageAsync(Token, new("C1", "hi"), CancellationToken.None);

        Assert.Equal(new SlackError("missing_scope", "needed: chat:write, provided: channels:read"), result.Error);
    }

    [Fact]
    public async Task PostMessageAsync_NoThread_SendsJsonWithoutThreadTs()
    {
        _slack.RespondJson("""{"ok":true,"channel":"C1","ts":"1.2"}""");

        await CreateSut().PostMessageAsync(Token, new("C1", "hi"), CancellationToken.None);

        Assert.Equal("""{"channel":"C1","text":"hi"}""", Assert.Single(_slack.Requests).Body);
    }

    [Fact]
    public async Task PostMessageAsync_Ok_ReturnsChannelAndTs()
    {
        _slack.RespondJson("""{"ok":true,"channel":"C1","ts":"1.2"}""");

        var result = await CreateSut().PostMessageAsync(Token, new("C1", "hi", "0.9"), CancellationToken.None);

        Assert.Equal(new PostedMessage("C1", "1.2"), result.Value);
    }

    [Fact]
    public async Task AuthTestAsync_RateLimited_WaitsRetryAfterBeforeRetrying()
    {
        _slack.Respond(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", "3"))
            .RespondJson("""{"ok":true}""");

        var call = CreateSut().AuthTestAsync(Token, CancellationToken.None);
        var requestTimeout = await _time.NextTimerAsync();
        var wait = await _time.NextTimerAsync();

        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), 1),
            (requestTimeout, wait, _slack.Requests.Count));
        _time.Advance(wait);
        Assert.True((await call.WaitAsync(Patience)).IsOk, "the retry after the wait should have succeeded");
    }

    [Fact]
    public async Task AuthTestAsync_AfterA429_NextCallerWaitsTheSameRetryAfter()
    {
        _slack.Respond(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", "30"));
        var options = new SlackClientOptions { ApiBaseUrl = new("https://slack.test/api/"), MaxRetries = 0 };
        var sut = CreateSut(options);
        await sut.AuthTestAsync(Token, CancellationToken.None).WaitAsync(Patience);
        _slack.RespondJson("""{"ok":true}""");

        var firstCallTimeout = await _time.NextTimerAsync();
        var second = sut.AuthTestAsync(Token, CancellationToken.None);
        var wait = await _time.NextTimerAsync();

        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), 1),
            (firstCallTimeout, wait, _slack.Requests.Count));
        _time.Advance(wait);
        Assert.True((await second.WaitAsync(Patience)).IsOk, "the call goes out once the window has passed");
    }

    [Fact]
    public async Task AddReactionAsync_AlreadyReacted_CountsAsSuccess()
    {
        _slack.RespondJson("""{"ok":false,"error":"already_reacted"}""");

        var result = await CreateSut().AddReactionAsync(Token, "C1", "1.2", ":wave:", CancellationToken.None);

        Assert.Equal((true, false), (result.IsOk, result.Value));
    }

    [Fact]
    public async Task GetUserAsync_Ok_ReadsUser()
    {
        _slack.RespondJson("""{"ok":true,"user":{"id":"U1","name":"alice","is_bot":false}}""");

        var result = await CreateSut().GetUserAsync(Token, "U1", CancellationToken.None);

        Assert.Equal(new SlackUser("U1", "alice", false), result.Value);
    }

    [Fact]
    public async Task GetConversationAsync_Ok_ReadsChannel()
    {
        _slack.RespondJson("""{"ok":true,"channel":{"id":"C1","name":"general","is_member":true}}""");

        var result = await CreateSut().GetConversationAsync(Token, "C1", CancellationToken.None);

        Assert.Equal(new Conversation("C1", "general", true, false, false), result.Value);
    }

    [Fact]
    public async Task AuthTestAsync_RateLimitedLongerThanAMinute_GivesUpWithoutWaiting()
    {
        _slack.Respond(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", "120"));

        var result = await CreateSut().AuthTestAsync(Token, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(("ratelimited", 1), (result.Error?.Code, _slack.Requests.Count));
    }

    [Fact]
    public async Task AuthTestAsync_ServerErrorThenOk_Succeeds()
    {
        _slack.Respond(HttpStatusCode.ServiceUnavailable, "").RespondJson("""{"ok":true}""");

        var result = await _time.RunUntilDoneAsync(CreateSut().AuthTestAsync(Token, CancellationToken.None));

        Assert.Equal((true, 2), (result.IsOk, _slack.Requests.Count));
    }

    [Theory]
    [InlineData("internal_error")]
    [InlineData("fatal_error")]
    public async Task PostMessageAsync_SlackSaysItMayHavePosted_NotRepeated(string code)
    {
        _slack.RespondJson($$"""{"ok":false,"error":"{{code}}"}""").RespondJson("""{"ok":true,"ts":"1.1"}""");

        var result = await _time.RunUntilDoneAsync(
            CreateSut().PostMessageAsync(Token, new("C1", "hi"), CancellationToken.None));

        Assert.Equal((code, 1), (result.Error?.Code, _slack.Requests.Count));
    }

    [Fact]
    public async Task AuthTestAsync_InternalError_Retried()
    {
        _slack.RespondJson("""{"ok":false,"error":"internal_error"}""").RespondJson("""{"ok":true}""");

        var result = await _time.RunUntilDoneAsync(CreateSut().AuthTestAsync(Token, CancellationToken.None));

        Assert.Equal((true, 2), (result.IsOk, _slack.Requests.Count));
    }

    [Fact]
    public async Task PostMessageAsync_ServerError_Retried()
    {
        _slack.Respond(HttpStatusCode.ServiceUnavailable, "").RespondJson("""{"ok":true,"ts":"1.1"}""");

        var result = await _time.RunUntilDoneAsync(
            CreateSut().PostMessageAsync(Token, new("C1", "hi"), CancellationToken.None));

        Assert.Equal((true, 2), (result.IsOk, _slack.Requests.Count));
    }

    [Fact]
    public async Task AuthTestAsync_ServerErrorEveryTime_GivesUpAfterMaxRetries()
    {
        for (var i = 0; i < 5; i++)
        {
            _slack.Respond(HttpStatusCode.InternalServerError, "");
        }

        var sut = CreateSut(new SlackClientOptions { ApiBaseUrl = new("https://slack.test/api"), MaxRetries = 2 });
        var result = await _time.RunUntilDoneAsync(sut.AuthTestAsync(Token, CancellationToken.None));

        Assert.Equal((new SlackError(SlackError.TransportCode, "HTTP 500"), 3), (result.Error, _slack.Requests.Count));
    }

    [Fact]
    public async Task AuthTestAsync_NoAnswerWithinTimeout_ReturnsRequestTimeout()
    {
        _slack.Respond(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var options = new SlackClientOptions
        {
            ApiBaseUrl = new("https://slack.test/api/"),
            RequestTimeout = TimeSpan.FromMilliseconds(20),
            MaxRetries = 0,
        };

        var call = CreateSut(options).AuthTestAsync(Token, CancellationToken.None);
        _time.Advance(await _time.NextTimerAsync());
        var result = await call.WaitAsync(Patience);

        Assert.Equal(SlackError.TimeoutCode, result.Error?.Code);
    }

    [Fact]
    public async Task AuthTestAsync_CallerCancels_Throws()
    {
        using var cancel = new CancellationTokenSource();
        var call = CreateSut().AuthTestAsync(Token, cancel.Token);
        await _slack.ScriptDone.WaitAsync(Patience);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience));
    }

    [Fact]
    public async Task ListConversationsAsync_NextCursor_FetchesFollowingPage()
    {
        _slack.RespondJson("""
                {"ok":true,"channels":[{"id":"C1","name":"general","is_member":true}],
                 "response_metadata":{"next_cursor":"page2"}}
                """)
            .RespondJson("""
                {"ok":true,"channels":[{"id":"C2","name":"random","is_private":true}],
                 "response_metadata":{"next_cursor":""}}
                """);

        var result = await CreateSut().ListConversationsAsync(Token, CancellationToken.None);

        Assert.Equal(
            [
                new Conversation("C1", "general", true, false, false),
                new Conversation("C2", "random", false, true, false),
            ],
            result.Value);
    }

    [Fact]
    public async Task ListConversationsAsync_NextCursor_SendsItWithSecondRequest()
    {
        _slack.RespondJson("""{"ok":true,"channels":[],"response_metadata":{"next_cursor":"page2"}}""")
            .RespondJson("""{"ok":true,"channels":[]}""");

        await CreateSut().ListConversationsAsync(Token, CancellationToken.None);

        var bodies = _slack.Requests.Select(r => r.Body ?? "").ToList();
        Assert.True(bodies.Count == 2 && !bodies[0].Contains("cursor=", StringComparison.Ordinal)
            && bodies[1].Contains("cursor=page2", StringComparison.Ordinal), string.Join(" | ", bodies));
    }

    [Fact]
    public async Task JoinConversationAsync_Ok_ReturnsChannel()
    {
        _slack.RespondJson("""{"ok":true,"channel":{"id":"C1","name":"general","is_member":true}}""");

        var result = await CreateSut().JoinConversationAsync(Token, "C1", CancellationToken.None);

        Assert.Equal(new Conversation("C1", "general", true, false, false), result.Value);
    }

    [Fact]
    public async Task OpenConnectionAsync_Ok_ReturnsUrl()
    {
        _slack.RespondJson("""{"ok":true,"url":"wss://wss.slack.test/link/?ticket=1"}""");

        var result = await CreateSut().OpenConnectionAsync("xapp-1-A1-1-abc", CancellationToken.None);

        Assert.Equal(new Uri("wss://wss.slack.test/link/?ticket=1"), result.Value);
    }

    [Theory]
    [InlineData(200, """{"ok":false,"error":"invalid_auth"}""")]
    [InlineData(200, """{"ok":false,"error":"missing_scope","needed":"chat:write","provided":"users:read"}""")]
    [InlineData(200, "<html>not json</html>")]
    [InlineData(400, """{"ok":false}""")]
    [InlineData(500, "")]
    public async Task AuthTestAsync_AnyFailure_ErrorTextHoldsNoToken(int status, string body)
    {
        for (var i = 0; i < 4; i++)
        {
            _slack.Respond((HttpStatusCode)status, body);
        }

        var result = await _time.RunUntilDoneAsync(CreateSut().AuthTestAsync(Token, CancellationToken.None));

        var text = result.Error?.ToString() ?? "(no error)";
        var leaks = text.Contains("SECRET", StringComparison.Ordinal)
            || text.Contains("xoxb", StringComparison.Ordinal);
        Assert.False(leaks, $"error text shows the token: {text}");
    }

    private SlackWebApi CreateSut(SlackClientOptions? options = null)
    {
        options ??= new SlackClientOptions { ApiBaseUrl = new Uri("https://slack.test/api") };
        return new SlackWebApi(
            new HttpClient(_slack), Options.Create(options), _time, NullLogger<SlackWebApi>.Instance);
    }
}
