using System.Globalization;
using System.Text;
using k8s.Models;
using SlackOperator.Emulators.Kubernetes;
using SlackOperator.Emulators.Slack;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Api;

namespace SlackOperator.IntegrationTests.Support;

/// <summary>
/// Steps the fault tests share: a bot with its own Slack app, channel and token Secret that answers "ping", and
/// ways to change, delete and question it, always with bounded waits.
/// </summary>
public static class BotScenarios
{
    public const string Trigger = "ping";

    public const string User = "U0ALICE";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly HttpClient Http = new();

    /// <summary>The Slack channel a bot declared by <see cref="DeclareBotAsync"/> works in.</summary>
    public static string ChannelOf(string ns, string name) => $"{ns}-{name}";

    /// <summary>The Secret holding a bot's two tokens, under the keys <c>bot</c> and <c>app</c>.</summary>
    public static string SecretOf(string name) => $"{name}-tokens";

    /// <summary>Creates the namespace and a bot in it, and waits until the bot is Ready.</summary>
    public static async Task<EmulatedApp> StartBotAsync(
        this OperatorEnvironment env, string ns, string name = "bot", string reply = "pong")
    {
        await env.CreateNamespaceAsync(ns);
        var app = await env.DeclareBotAsync(ns, name, reply);
        await env.WaitForSettledAsync(ns, name);
        return app;
    }

    /// <summary>Installs a Slack app with a channel of its own, then creates its Secret and SlackBot.</summary>
    public static async Task<EmulatedApp> DeclareBotAsync(
        this OperatorEnvironment env, string ns, string name = "bot", string reply = "pong")
    {
        var app = env.Slack.AddApp(ChannelOf(ns, name));
        env.Slack.AddChannel(ChannelOf(ns, name), memberIds: [app.BotUserId]);
        await env.Api.CreateAsync(ResourceType.Secrets, ns, TokensSecret(ns, name, app), CancellationToken.None);
        await env.CreateBotAsync(ns, name, Spec(ns, name, reply));
        return app;
    }

    /// <summary>Replaces the bot's token Secret data with the tokens of <paramref name="app"/>.</summary>
    public static async Task ReplaceTokensAsync(this OperatorEnvironment env, string ns, string name, EmulatedApp app)
    {
        var secret = await env.Api.GetAsync<V1Secret>(ResourceType.Secrets, ns, SecretOf(name), CancellationToken.None)
            ?? throw new InvalidOperationException($"Secret {ns}/{SecretOf(name)} not found");
        secret.Data = TokensSecret(ns, name, app).Data;
        await env.Api.ReplaceAsync(ResourceType.Secrets, ns, SecretOf(name), secret, CancellationToken.None);
    }

    /// <summary>Changes the text the bot answers "ping" with; the generation goes up.</summary>
    public static async Task SetReplyAsync(this OperatorEnvironment env, string ns, string name, string reply)
    {
        var bot = await env.GetBotAsync(ns, name);
        bot.Spec.Channels![0].Behaviours![0].Reply!.Text = reply;
        await env.Api.ReplaceAsync(ResourceType.For<SlackBot>(), ns, name, bot, CancellationToken.None);
    }

    /// <summary>Deletes the SlackBot (there are no finalizers, so it is gone when this returns).</summary>
    public static async Task DeleteBotAsync(this OperatorEnvironment env, string ns, string name)
    {
        var path = ResourceType.For<SlackBot>().ObjectPath(ns, name).TrimStart('/');
        using var response = await Http.DeleteAsync(new Uri(env.Kube.BaseUrl, path));
        Assert.True(response.IsSuccessStatusCode, $"DELETE {path} answered {(int)response.StatusCode}");
    }

    /// <summary>Waits until the bot is Ready and its status describes the current generation.</summary>
    public static Task<SlackBot> WaitForSettledAsync(
        this OperatorEnvironment env, string ns, string name, Func<SlackBot, bool>? also = null,
        TimeSpan? timeout = null) =>
        Eventually.MatchAsync(() => env.GetBotAsync(ns, name),
            bot => IsReady(bot) && bot.Status!.ObservedGeneration == bot.Metadata.Generation
                && (also is null || also(bot)),
            timeout ?? Patience, Describe);

    /// <summary>Alice says "ping" in a channel; returns the answer of <paramref name="app"/>'s bot user.</summary>
    public static async Task<PostedMessage> AskAsync(
        this OperatorEnvironment env, EmulatedApp app, string channel, TimeSpan? timeout = null)
    {
        var asked = await env.Slack.PostUserMessageAsync(channel, User, Trigger);
        return await env.Slack.WaitForBotMessageAsync(channel,
            m => m.User == app.BotUserId && Ts(m.Ts) > Ts(asked), timeout ?? TimeSpan.FromSeconds(10));
    }

    /// <summary>Waits until Slack counts no open Socket Mode connection for the app.</summary>
    public static Task<DeliveryStats> WaitForNoConnectionAsync(
        this OperatorEnvironment env, EmulatedApp app, TimeSpan? timeout = null) =>
        Eventually.MatchAsync(() => env.Slack.GetDeliveryStats(app.AppId), s => s.OpenConnections == 0,
            timeout ?? TimeSpan.FromSeconds(10), s => $"{s.OpenConnections} open connection(s) for {app.BotName}");

    /// <summary>Requests the API server recorded after the first <paramref name="mark"/> ones.</summary>
    public static IReadOnlyList<RecordedRequest> RequestsSince(this OperatorEnvironment env, int mark) =>
        [.. env.Kube.Requests.Skip(mark)];

    public static bool IsWrite(RecordedRequest request) =>
        request.Verb is "create" or "update" or "patch" or "delete" or "deletecollection";

    /// <summary>No token of any app the Slack emulator knows appears in any captured log line.</summary>
    public static void AssertNoTokenLogged(this OperatorEnvironment env)
    {
        var logs = string.Join('\n', env.Logs.Lines);
        foreach (var app in env.Slack.Apps)
        {
            Assert.False(logs.Contains(app.BotToken, StringComparison.Ordinal), $"{app.BotName}'s bot token logged");
            Assert.False(logs.Contains(app.AppToken, StringComparison.Ordinal), $"{app.BotName}'s app token logged");
        }
    }

    public static bool IsReady(SlackBot bot) =>
        bot.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    public static string Describe(SlackBot bot)
    {
        var conditions = bot.Status?.Conditions?.Select(c => $"{c.Type}={c.Status}/{c.Reason}: {c.Message}") ?? [];
        return $"generation {bot.Metadata.Generation}, observedGeneration {bot.Status?.ObservedGeneration}, "
            + $"bot {bot.Status?.Bot?.UserId}, conditions: {string.Join("; ", conditions)}";
    }

    /// <summary>The spec <see cref="DeclareBotAsync"/> gives the bot <paramref name="name"/>: its Secret and channel.
    /// </summary>
    public static SlackBotSpec Spec(string ns, string name, string reply) => OperatorEnvironment.Spec(
        SecretOf(name), "bot", SecretOf(name), "app", new ChannelSpec
        {
            Name = ChannelOf(ns, name),
            Behaviours =
            [
                new BehaviourSpec { Reply = new ReplyBehaviour { When = new() { EqualTo = Trigger }, Text = reply } },
            ],
        });

    private static V1Secret TokensSecret(string ns, string name, EmulatedApp app) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = SecretOf(name), NamespaceProperty = ns },
        Data = new Dictionary<string, byte[]>
        {
            ["bot"] = Encoding.UTF8.GetBytes(app.BotToken),
            ["app"] = Encoding.UTF8.GetBytes(app.AppToken),
        },
    };

    private static decimal Ts(string ts) => decimal.Parse(ts, CultureInfo.InvariantCulture);
}
