using SlackOperator.Emulators.Slack;
using SlackOperator.Entities;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Faults;

/// <summary>
/// Watch streams cut over and over while SlackBots and Secrets are created or changed: the informer watches again
/// from the last resourceVersion it saw, so an event that was on the wire when a stream broke still arrives.
/// </summary>
public sealed class WatchDropTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>
{
    [Fact]
    public async Task Create_WatchesCutOverAndOver_EveryBotBecomesReadyAndReplies()
    {
        const string ns = "drop-create";
        await env.CreateNamespaceAsync(ns);
        var mark = env.Kube.Requests.Count;
        var apps = new List<(string Name, EmulatedApp App)>();
        await using (new WatchFlapper(env.Kube.Faults))
        {
            for (var i = 0; i < 3; i++)
            {
                var name = $"bot{i}";
                apps.Add((name, await env.DeclareBotAsync(ns, name)));
            }

            foreach (var (name, _) in apps)
            {
                await env.WaitForSettledAsync(ns, name);
            }

            // On a fast machine the bots can settle within a few flaps; keep cutting until the premise holds.
            await Eventually.MatchAsync(
                () => env.RequestsSince(mark).Count(r => r is { Verb: "watch", Resource: "slackbots" }),
                count => count >= 3, BotScenarios.Patience, count => $"{count} SlackBot watch streams cut");
        }

        var cut = env.RequestsSince(mark).Count(r => r is { Verb: "watch", Resource: "slackbots" });
        Assert.True(cut >= 3, $"only {cut} SlackBot watch streams were cut while the bots were created");
        foreach (var (name, app) in apps)
        {
            var reply = await env.AskAsync(app, BotScenarios.ChannelOf(ns, name));
            Assert.Equal("pong", reply.Text);
        }

        env.AssertNoTokenLogged();
    }

    [Fact]
    public async Task SpecChange_WatchesCutOverAndOver_NewReplyTakesEffect()
    {
        const string ns = "drop-change";
        var app = await env.StartBotAsync(ns);

        SlackBot bot;
        await using (new WatchFlapper(env.Kube.Faults))
        {
            await env.SetReplyAsync(ns, "bot", "pong v2");
            bot = await env.WaitForSettledAsync(ns, "bot");
        }

        var reply = await env.AskAsync(app, BotScenarios.ChannelOf(ns, "bot"));

        Assert.Equal(2, bot.Metadata.Generation);
        Assert.Equal("pong v2", reply.Text);
        env.AssertNoTokenLogged();
    }

    [Fact]
    public async Task SecretChange_WatchesCutOverAndOver_BotRunsOnTheNewTokens()
    {
        const string ns = "drop-secret";
        var first = await env.StartBotAsync(ns);
        var second = env.Slack.AddApp("drop-secret-second");
        env.Slack.AddChannelMember(BotScenarios.ChannelOf(ns, "bot"), second.BotUserId);

        await using (new WatchFlapper(env.Kube.Faults))
        {
            await env.ReplaceTokensAsync(ns, "bot", second);
            await env.WaitForSettledAsync(ns, "bot", b => b.Status!.Bot?.UserId == second.BotUserId);
        }

        var reply = await env.AskAsync(second, BotScenarios.ChannelOf(ns, "bot"));

        Assert.Equal("pong", reply.Text);
        await env.WaitForNoConnectionAsync(first);
        env.AssertNoTokenLogged();
    }
}
