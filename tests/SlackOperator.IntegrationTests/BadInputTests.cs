using System.Text;
using k8s.Models;
using SlackOperator.Entities;
using SlackOperator.IntegrationTests.Support;
using SlackOperator.Kubernetes.Api;

namespace SlackOperator.IntegrationTests;

/// <summary>
/// Each way a SlackBot's tokens can be wrong ends in a clear condition that names the Secret and key, with no
/// crash, no hot loop and no token in any log line.
/// </summary>
[Collection(OperatorCollection.Name)]
public sealed class BadInputTests(OperatorEnvironment env)
{
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task MissingSecret_ReportsSecretNotFound_ThenRecoversWhenCreated()
    {
        var app = await PrepareAsync("bad-nosecret");
        await env.CreateSecretAsync("bad-nosecret", "app", "token", app.AppToken);
        await env.CreateBotAsync("bad-nosecret", "bot", OperatorEnvironment.Spec("absent", "token", "app", "token"));

        var condition = await ReadyConditionAsync("bad-nosecret", "SecretNotFound");
        await AssertQuietAsync("bad-nosecret");
        await env.CreateSecretAsync("bad-nosecret", "absent", "token", app.BotToken);

        Assert.Contains("Secret bad-nosecret/absent", condition.Message, StringComparison.Ordinal);
        Assert.Contains("spec.botToken.secretKeyRef.name", condition.Message, StringComparison.Ordinal);
        await env.WaitForConditionAsync("bad-nosecret", "bot", "Ready", c => c.Status == "True");
        AssertNoTokenLogged(app);
    }

    [Fact]
    public async Task SecretNotOfTypeOpaque_NotRead_ReportsSecretNotFoundSayingWhy()
    {
        var app = await PrepareAsync("bad-secrettype");
        await env.CreateSecretAsync("bad-secrettype", "app", "token", app.AppToken);
        await env.Api.CreateAsync(ResourceType.Secrets, "bad-secrettype", new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Type = "example.com/slack-token",
            Metadata = new V1ObjectMeta { Name = "typed", NamespaceProperty = "bad-secrettype" },
            Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes(app.BotToken) },
        }, CancellationToken.None);
        await env.CreateBotAsync("bad-secrettype", "bot", OperatorEnvironment.Spec("typed", "token", "app", "token"));

        var condition = await ReadyConditionAsync("bad-secrettype", "SecretNotFound");

        Assert.Contains("Secret bad-secrettype/typed", condition.Message, StringComparison.Ordinal);
        Assert.Contains("type Opaque", condition.Message, StringComparison.Ordinal);
        AssertNoTokenLogged(app);
    }

    [Fact]
    public async Task MissingKey_ReportsSecretKeyNotFound_NamingTheKeysThatExist()
    {
        var app = await PrepareAsync("bad-nokey");
        await env.CreateSecretAsync("bad-nokey", "bot", "token", app.BotToken);
        await env.CreateSecretAsync("bad-nokey", "app", "token", app.AppToken);
        await env.CreateBotAsync("bad-nokey", "bot", OperatorEnvironment.Spec("bot", "slack-token", "app", "token"));

        var condition = await ReadyConditionAsync("bad-nokey", "SecretKeyNotFound");
        await AssertQuietAsync("bad-nokey");

        Assert.Contains("Secret bad-nokey/bot has no key \"slack-token\"", condition.Message, StringComparison.Ordinal);
        Assert.Contains("its keys are: token", condition.Message, StringComparison.Ordinal);
        AssertNoTokenLogged(app);
    }

    [Fact]
    public async Task RefusedBotToken_ReportsInvalidAuth_NamingSecretAndKey()
    {
        var app = await PrepareAsync("bad-auth");
        env.Slack.RevokeToken(app.BotToken);
        await env.CreateSecretAsync("bad-auth", "bot", "token", app.BotToken);
        await env.CreateSecretAsync("bad-auth", "app", "token", app.AppToken);
        await env.CreateSecretAsync("bad-auth", "wrong", "token", "xoxb-0000-not-a-token-anyone-issued");
        await env.CreateBotAsync("bad-auth", "bot", OperatorEnvironment.Spec("wrong", "token", "app", "token"));

        var condition = await ReadyConditionAsync("bad-auth", "InvalidAuth");
        await AssertQuietAsync("bad-auth");

        Assert.Contains("Secret bad-auth/wrong key \"token\"", condition.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_auth", condition.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-0000", string.Join('\n', env.Logs.Lines), StringComparison.Ordinal);
        AssertNoTokenLogged(app);
    }

    [Fact]
    public async Task BotTokenAsAppToken_ReportsInvalidAppToken()
    {
        var app = await PrepareAsync("bad-app");
        await env.CreateSecretAsync("bad-app", "bot", "token", app.BotToken);
        await env.CreateBotAsync("bad-app", "bot", OperatorEnvironment.Spec("bot", "token", "bot", "token"));

        var condition = await ReadyConditionAsync("bad-app", "InvalidAppToken");
        await AssertQuietAsync("bad-app");

        Assert.Contains("Secret bad-app/bot key \"token\"", condition.Message, StringComparison.Ordinal);
        Assert.Contains("xapp-", condition.Message, StringComparison.Ordinal);
        AssertNoTokenLogged(app);
    }

    [Fact]
    public async Task BotTokenRevokedWhileConnected_ReportsTokenRevokedOnTheNextReply()
    {
        var app = await PrepareAsync("bad-revoked");
        env.Slack.AddChannelMember("general", app.BotUserId);
        await env.CreateSecretAsync("bad-revoked", "bot", "token", app.BotToken);
        await env.CreateSecretAsync("bad-revoked", "app", "token", app.AppToken);
        var general = new ChannelSpec
        {
            Name = "general",
            Behaviours =
            [
                new BehaviourSpec { Reply = new ReplyBehaviour { When = new() { Contains = "ping" }, Text = "pong" } },
            ],
        };
        await env.CreateBotAsync("bad-revoked", "bot",
            OperatorEnvironment.Spec("bot", "token", "app", "token", general));
        await env.WaitForConditionAsync("bad-revoked", "bot", "Ready", c => c.Status == "True");

        env.Slack.RevokeToken(app.BotToken);
        await env.Slack.PostUserMessageAsync("general", "U0ALICE", "ping");
        var condition = await ReadyConditionAsync("bad-revoked", "TokenRevoked");

        Assert.Contains("Secret bad-revoked/bot key \"token\"", condition.Message, StringComparison.Ordinal);
        AssertNoTokenLogged(app);
    }

    private async Task<Emulators.Slack.EmulatedApp> PrepareAsync(string ns)
    {
        await env.CreateNamespaceAsync(ns);
        return env.Slack.AddApp(ns);
    }

    private async Task<StatusCondition> ReadyConditionAsync(string ns, string reason)
    {
        var bot = await env.WaitForConditionAsync(ns, "bot", "Ready", c => c.Reason == reason);
        var ready = bot.Status!.Conditions!.Single(c => c.Type == "Ready");
        Assert.Equal("False", ready.Status);
        Assert.Contains(bot.Status.Conditions!, c => c.Type == "Stalled" && c.Status == "True" && c.Reason == reason);
        return ready;
    }

    /// <summary>After the failure is reported the operator retries with backoff: a write at most.</summary>
    private async Task AssertQuietAsync(string ns)
    {
        var before = StatusWrites(ns);
        await Task.Delay(QuietWindow);
        var writes = StatusWrites(ns) - before;
        Assert.True(writes <= 1,
            $"{writes} status writes in {QuietWindow.TotalSeconds} s after the failure: a hot loop");
    }

    private int StatusWrites(string ns) =>
        env.Kube.Requests.Count(r => r.Namespace == ns && r.Subresource == "status" && r.Verb is "update" or "patch");

    private void AssertNoTokenLogged(Emulators.Slack.EmulatedApp app)
    {
        var logs = string.Join('\n', env.Logs.Lines);
        Assert.DoesNotContain(app.BotToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(app.AppToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-emulator-kittenbot", logs, StringComparison.Ordinal);
    }
}
