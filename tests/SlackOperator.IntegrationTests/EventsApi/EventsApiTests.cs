using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SlackOperator.Entities;
using SlackOperator.Emulators.Slack;
using SlackOperator.IntegrationTests.SlackFaults;
using SlackOperator.IntegrationTests.Support;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Slack.Events;

namespace SlackOperator.IntegrationTests.EventsApi;

/// <summary>
/// A SlackBot in Events API mode: it opens no Socket Mode connection, and requests signed like Slack's that are
/// posted to the operator's HTTP port are verified, answered at once and handled once.
/// </summary>
public sealed class EventsApiTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>, IDisposable
{
    private const string Ns = "events-api";
    private const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private static readonly ResourceType Namespaces = new(string.Empty, "v1", "namespaces", "Namespace", false);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task EventsApiBot_SignedChallengeAndEventWithRetry_ChallengeEchoedOneReplyNoSocket()
    {
        var (app, channelId) = await StartEventsBotAsync("bot");
        var bot = await env.GetBotAsync(Ns, "bot");

        using var challenge = await PostSignedAsync("bot", UrlVerification("c-123"));
        var challengeBody = await challenge.Content.ReadAsStringAsync();
        var ts = await env.Slack.PostUserMessageAsync(BotScenarios.ChannelOf(Ns, "bot"), BotScenarios.User, "ping");
        var callback = EventCallback("Ev0EVENTS1", channelId, ts);
        using var first = await PostSignedAsync("bot", callback);
        using var retry = await PostSignedAsync("bot", callback, retryNum: 1);
        var replies = await env.SettledRepliesAsync(app, BotScenarios.ChannelOf(Ns, "bot"), ts);

        var connected = bot.Status!.Conditions!.Single(c => c.Type == "Connected");
        Assert.Equal(("True", "EventsApi"), (connected.Status, connected.Reason));
        Assert.Contains($"/slack/events/{Ns}/bot", connected.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "c-123"), (challenge.StatusCode, challengeBody));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal(["pong"], replies.Select(r => r.Text));
        Assert.Equal(0, env.Slack.GetDeliveryStats(app.AppId).ConnectionsOpened);
        Assert.DoesNotContain(env.Slack.GetApiCalls("apps.connections.open"), c => c.AppId == app.AppId);
        Assert.DoesNotContain(env.Logs.Lines, l => l.Contains(SigningSecret, StringComparison.Ordinal));
        env.AssertNoTokenLogged();
    }

    [Fact]
    public async Task EventsApiBot_BadSignatureOrUnknownBot_401And503AndNoReply()
    {
        var (app, channelId) = await StartEventsBotAsync("strict");
        var ts = await env.Slack.PostUserMessageAsync(
            BotScenarios.ChannelOf(Ns, "strict"), BotScenarios.User, "ping");
        var callback = EventCallback("Ev0EVENTS2", channelId, ts);

        using var forged = await PostSignedAsync("strict", callback, secret: "not-the-secret");
        using var stale = await PostSignedAsync("strict", callback, sentAt: DateTimeOffset.UtcNow.AddMinutes(-6));
        using var unknown = await PostSignedAsync("nobody", callback);
        await Task.Delay(SlackFaultSteps.Quiet);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown.StatusCode);
        Assert.DoesNotContain(env.Slack.GetMessages(BotScenarios.ChannelOf(Ns, "strict")),
            m => m.User == app.BotUserId);
    }

    [Fact]
    public async Task EventsApiBot_RequestsRefusedForBadSignature_StatusSaysSoUntilAGoodOneArrives()
    {
        await StartEventsBotAsync("rotated");

        using var refused = await PostSignedAsync("rotated", UrlVerification("c1"), secret: "the-old-secret");
        var warned = await env.WaitForConditionAsync(Ns, "rotated", "Connected",
            c => c.Message!.Contains("bad_signature", StringComparison.Ordinal));
        using var accepted = await PostSignedAsync("rotated", UrlVerification("c2"));
        var cleared = await env.WaitForConditionAsync(Ns, "rotated", "Connected",
            c => !c.Message!.Contains("bad_signature", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("check that spec.signingSecret holds this app's current Signing Secret",
            warned.Status!.Connection!.LastError, StringComparison.Ordinal);
        Assert.Equal("True", warned.Status.Conditions!.Single(c => c.Type == "Ready").Status);
        Assert.Null(cleared.Status!.Connection!.LastError);
        Assert.DoesNotContain(env.Logs.Lines, l => l.Contains(SigningSecret, StringComparison.Ordinal));
    }

    public void Dispose() => _http.Dispose();

    private async Task<(EmulatedApp App, string ChannelId)> StartEventsBotAsync(string name)
    {
        if (await env.Api.GetAsync<k8s.Models.V1Namespace>(Namespaces, null, Ns, CancellationToken.None) is null)
        {
            await env.CreateNamespaceAsync(Ns);
        }

        var app = env.Slack.AddApp($"{Ns}-{name}");
        var channel = env.Slack.AddChannel(BotScenarios.ChannelOf(Ns, name), memberIds: [app.BotUserId]);
        await env.CreateSecretAsync(Ns, $"{name}-bot", "token", app.BotToken);
        await env.CreateSecretAsync(Ns, $"{name}-signing", "secret", SigningSecret);
        await env.CreateBotAsync(Ns, name, new SlackBotSpec
        {
            Mode = BotModes.EventsApi,
            BotToken = Ref($"{name}-bot", "token"),
            SigningSecret = Ref($"{name}-signing", "secret"),
            Channels =
            [
                new ChannelSpec
                {
                    Name = BotScenarios.ChannelOf(Ns, name),
                    Behaviours =
                    [
                        new BehaviourSpec
                        {
                            Reply = new ReplyBehaviour { When = new() { EqualTo = "ping" }, Text = "pong" },
                        },
                    ],
                },
            ],
        });
        await env.WaitForSettledAsync(Ns, name);
        return (app, channel.Id);
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string name, JsonObject payload, int? retryNum = null,
        string secret = SigningSecret, DateTimeOffset? sentAt = null)
    {
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var timestamp = (sentAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Encoding.ASCII.GetString(SlackSignatureVerifier.Sign(secret, timestamp, body));
        var url = new Uri(env.MetricsUrl, $"slack/events/{Ns}/{name}");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return await _http.SendAsync(request);
    }

    private static TokenSource Ref(string name, string key) =>
        new() { SecretKeyRef = new SecretKeySelector { Name = name, Key = key } };

    private static JsonObject UrlVerification(string challenge) => new()
    {
        ["token"] = "legacy-verification-token",
        ["challenge"] = challenge,
        ["type"] = "url_verification",
    };

    private static JsonObject EventCallback(string eventId, string channel, string ts) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = "T0EMULATOR",
        ["api_app_id"] = "A0EVENTS",
        ["event_id"] = eventId,
        ["event_time"] = 1,
        ["event"] = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channel,
            ["channel_type"] = "channel",
            ["user"] = BotScenarios.User,
            ["text"] = "ping",
            ["ts"] = ts,
        },
    };
}
