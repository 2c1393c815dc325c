using System.Diagnostics;
using SlackOperator.Entities;
using SlackOperator.IntegrationTests.Support;
using Xunit.Abstractions;

namespace SlackOperator.IntegrationTests.SlackFaults;

/// <summary>
/// Slack's side of a connected bot's socket goes silent without closing, as behind a dead NAT. With the operator's
/// default keepalive the bot notices within 30 s, opens a new socket, is Ready again and answers once.
/// </summary>
public sealed class SilencedSocketTests(OperatorEnvironment env, ITestOutputHelper output)
    : IClassFixture<OperatorEnvironment>
{
    private static readonly TimeSpan Required = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Silence_DefaultKeepAlive_DetectedWithin30SecondsReplacedAndAnsweredOnce()
    {
        const string ns = "silenced-socket";
        var app = await env.StartBotAsync(ns);
        var channel = BotScenarios.ChannelOf(ns, "bot");
        var opened = env.Slack.GetDeliveryStats(app.AppId).ConnectionsOpened;
        var reconnects = Reconnects(await env.GetBotAsync(ns, "bot"));

        var silencedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var silenced = env.Slack.Faults.Silence(app.AppToken);
        await Eventually.MatchAsync(() => env.GetBotAsync(ns, "bot"),
            bot => Noticed(bot, reconnects) || env.OpensSince(app.AppId, silencedAt).Count > 0, Bound,
            BotScenarios.Describe);
        var detected = clock.Elapsed;
        var firstOpen = await Eventually.MatchAsync(() => env.OpensSince(app.AppId, silencedAt),
            opens => opens.Count > 0, Bound - clock.Elapsed, SlackFaultSteps.Describe);
        var stats = await Eventually.MatchAsync(() => env.Slack.GetDeliveryStats(app.AppId),
            s => s.ConnectionsOpened > opened, Bound - clock.Elapsed, s => $"{s.ConnectionsOpened} opened");
        var bot = await env.WaitForSettledAsync(ns, "bot", b => Reconnects(b) > reconnects, Bound - clock.Elapsed);
        var ready = clock.Elapsed;
        var asked = await env.Slack.PostUserMessageAsync(channel, BotScenarios.User, BotScenarios.Trigger);
        var replies = await env.SettledRepliesAsync(app, channel, asked);

        var reopened = firstOpen[0].At - silencedAt;
        output.WriteLine($"silenced at 0 s; noticed after {detected.TotalSeconds:F1} s; new socket opened after "
            + $"{reopened.TotalSeconds:F1} s; Ready again after {ready.TotalSeconds:F1} s; "
            + $"connection {bot.Status!.Connection?.State}, reconnects {Reconnects(bot)}");
        Assert.Equal(1, silenced);
        Assert.InRange(detected, TimeSpan.Zero, Required);
        Assert.InRange(reopened, TimeSpan.Zero, Required);
        Assert.True(stats.ConnectionsOpened > opened);
        Assert.Equal(["pong"], replies.Select(r => r.Text));
        env.AssertNoTokenLogged();
    }

    private static int Reconnects(SlackBot bot) => bot.Status?.Connection?.Reconnects ?? 0;

    private static bool Noticed(SlackBot bot, int reconnectsBefore) =>
        Reconnects(bot) > reconnectsBefore
        || bot.Status?.Conditions?.Any(c => c is { Type: "Ready", Status: "False" } or { Reason: "Reconnecting" })
            == true;
}
