using SlackOperator.Entities;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests;

/// <summary>The demo flow as a test: kubectl installs everything, the operator connects, the bot replies.</summary>
[Collection(OperatorCollection.Name)]
public sealed class EndToEndTests(OperatorEnvironment env)
{
    [Fact]
    public async Task Kittenbot_UserSaysHello_BotRepliesAndStatusTellsTheTruth()
    {
        await env.Kubectl.OkAsync("create", "namespace", "e2e");
        await File.WriteAllTextAsync(Path.Combine(env.WorkDirectory, "slack-token"), "xoxb-emulator-kittenbot\n");
        await File.WriteAllTextAsync(Path.Combine(env.WorkDirectory, "slack-app-token"), "xapp-1-emulator-kittenbot\n");
        await env.Kubectl.OkAsync("-n", "e2e", "create", "secret", "generic", "slack-token", "--from-file=slack-token");
        await env.Kubectl.OkAsync("-n", "e2e", "create", "secret", "generic", "slack-app-token",
            "--from-file=slack-app-token");
        await env.Kubectl.OkAsync("-n", "e2e", "apply", "-f", RepoPaths.Of("samples", "kittenbot.yaml"));

        await env.Kubectl.OkAsync("-n", "e2e", "wait", "--for=condition=Ready", "slackbot/kittenbot", "--timeout=60s");
        var table = await env.Kubectl.OkAsync("-n", "e2e", "get", "slackbots");
        var ts = await env.Slack.PostUserMessageAsync("general", "U0ALICE", "hello");
        var reply = await env.Slack.WaitForBotMessageAsync("general",
            m => m.User == "U0KITTENBOT" && double.Parse(m.Ts, System.Globalization.CultureInfo.InvariantCulture)
                > double.Parse(ts, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(10));
        var bot = await env.GetBotAsync("e2e", "kittenbot");

        Assert.Equal("Hello <@U0ALICE>! :wave: Meow.", reply.Text);
        Assert.Equal("C0GENERAL", reply.Channel);
        Assert.Null(reply.ThreadTs);
        Assert.Equal("U0KITTENBOT", reply.User);
        Assert.Matches(@"kittenbot\s+True\s+Ready\s+Emulated Workspace\s+kittenbot\s+1/1\s+\d+", table);
        Assert.Equal(bot.Metadata.Generation, bot.Status!.ObservedGeneration);
        Assert.Equal(("kittenbot", "U0KITTENBOT", "B0KITTENBOT", "T0EMULATOR", "Emulated Workspace"),
            (bot.Status.Bot!.Name, bot.Status.Bot.UserId, bot.Status.Bot.BotId, bot.Status.Bot.TeamId,
                bot.Status.Bot.Team));
        Assert.Equal("Connected", bot.Status.Connection!.State);
        foreach (var type in new[] { "Ready", "Authenticated", "Connected", "ChannelsReady" })
        {
            var condition = bot.Status.Conditions!.Single(c => c.Type == type);
            Assert.True(condition.Status == "True",
                $"{type} is {condition.Status}/{condition.Reason}: {condition.Message}");
        }

        Assert.DoesNotContain(bot.Status.Conditions!, c => c.Type is "Stalled" or "Reconciling");
    }

    [Fact]
    public async Task Kittenbot_HiInThread_RepliesInTheSameThreadOnce()
    {
        var bot = await BotInOwnNamespaceAsync("threads", "threadbot");
        var parent = await env.Slack.PostUserMessageAsync("general", "U0BOB", "a thread starts here");
        var ts = await env.Slack.PostUserMessageAsync("general", "U0BOB", "hi", threadTs: parent);

        var reply = await env.Slack.WaitForBotMessageAsync("general",
            m => m.User == bot.BotUserId && m.ThreadTs == parent, TimeSpan.FromSeconds(10));
        await Task.Delay(500);

        Assert.Equal("Hi <@U0BOB>! :cat:", reply.Text);
        Assert.Single(env.Slack.GetMessages("general"), m => m.User == bot.BotUserId && m.ThreadTs == parent);
        Assert.NotEqual(ts, reply.Ts);
    }

    [Fact]
    public async Task Connection_DroppedAndHelloWithheld_ReadyTurnsFalseThenBackToTrue()
    {
        await BotInOwnNamespaceAsync("drops", "dropbot");

        env.Slack.Faults.WithholdHello(true);
        try
        {
            env.Slack.Faults.DropSockets(env.Slack.Apps.Single(a => a.BotName == "dropbot").AppToken);
            var lost = await env.WaitForConditionAsync("drops", "dropbot", "Ready", c => c.Status == "False");
            var condition = lost.Status!.Conditions!.Single(c => c.Type == "Ready");
            Assert.Equal("Reconnecting", condition.Reason);
            Assert.Contains("lost", condition.Message, StringComparison.Ordinal);
        }
        finally
        {
            env.Slack.Faults.WithholdHello(false);
        }

        var back = await env.WaitForConditionAsync("drops", "dropbot", "Ready", c => c.Status == "True");
        Assert.True(back.Status!.Connection!.Reconnects >= 1, "the reconnect is counted on the status");
    }

    private static BehaviourSpec Reply(MessageMatch when, string text) =>
        new() { Reply = new ReplyBehaviour { When = when, Text = text } };

    private async Task<Emulators.Slack.EmulatedApp> BotInOwnNamespaceAsync(string ns, string name)
    {
        var app = env.Slack.AddApp(name);
        env.Slack.AddChannelMember("general", app.BotUserId);
        await env.CreateNamespaceAsync(ns);
        await env.CreateSecretAsync(ns, "bot", "token", app.BotToken);
        await env.CreateSecretAsync(ns, "app", "token", app.AppToken);
        var general = new ChannelSpec
        {
            Name = "general",
            Behaviours =
            [
                Reply(new MessageMatch { Contains = "hello" }, "Hello {{user}}! :wave: Meow."),
                Reply(new MessageMatch { EqualTo = "hi" }, "Hi {{user}}! :cat:"),
            ],
        };
        await env.CreateBotAsync(ns, name, OperatorEnvironment.Spec("bot", "token", "app", "token", general));
        await env.WaitForConditionAsync(ns, name, "Ready", c => c.Status == "True");
        return app;
    }
}
