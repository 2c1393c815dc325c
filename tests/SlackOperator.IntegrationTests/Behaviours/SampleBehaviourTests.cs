using System.Text.Json.Nodes;
using SlackOperator.Entities;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Behaviours;

/// <summary>
/// Every sample of <c>samples/</c> applied with kubectl and tried against the Slack emulator. The schedule
/// sample's weekday 09:00 is not waited for here: this only checks that it is accepted and its bot gets Ready;
/// <see cref="ScheduleEndToEndTests"/> waits for a real post of an every-minute schedule, in parallel.
/// </summary>
[Collection(OperatorCollection.Name)]
public sealed class SampleBehaviourTests(OperatorEnvironment env)
{
    private const string Alice = "U0ALICE";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ReplyRegex_DeployRequest_RepliesInThreadWithCaptureGroups()
    {
        // The bot is not in #deploys: the sample's join: true has to get it there.
        var app = await env.ApplySampleAsync("reply-regex.yaml", "deploybot", "deploys", botInChannel: false);

        var ts = await env.Slack.PostUserMessageAsync("deploys", Alice, "deploy checkout to staging");

        var reply = await env.Slack.WaitForBotMessageAsync("deploys",
            m => m.User == app.BotUserId && m.ThreadTs == ts, Patience);
        Assert.Equal("Deploying checkout to staging for <@U0ALICE>", reply.Text);
    }

    [Fact]
    public async Task React_ShippedAndIncident_AddsBothReactions()
    {
        var app = await env.ApplySampleAsync("react.yaml", "cheerbot", "announcements");

        var ts = await env.Slack.PostUserMessageAsync("announcements", Alice, "we shipped the incident fix");

        var reactions = await Eventually.MatchAsync(() => env.Slack.GetReactions("announcements", ts),
            r => r.Count >= 2, Patience, r => string.Join(", ", r.Select(x => x.Name)));
        Assert.Equal(["eyes", "tada"], reactions.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(reactions, r => Assert.Equal(app.BotUserId, r.UserId));
    }

    [Fact]
    public async Task Welcome_MemberJoinsChannel_GreetsThem()
    {
        var app = await env.ApplySampleAsync("welcome.yaml", "greeterbot", "newcomers");
        var newcomer = env.Slack.AddUser("newcomer");

        Assert.True(env.Slack.AddChannelMember("newcomers", newcomer.Id));

        var greeting = await env.Slack.WaitForBotMessageAsync("newcomers", m => m.User == app.BotUserId, Patience);
        var channel = env.Slack.GetMessages("newcomers")[0].Channel;
        Assert.Equal($"Welcome to <#{channel}>, <@{newcomer.Id}>! The handbook is pinned at the top.",
            greeting.Text);
    }

    [Fact]
    public async Task Mention_BotMentioned_RepliesOnce()
    {
        var app = await env.ApplySampleAsync("mention.yaml", "askbot", "questions");

        var ts = await env.Slack.PostUserMessageAsync("questions", Alice, $"<@{app.BotUserId}> where is the runbook?");

        var reply = await env.Slack.WaitForBotMessageAsync("questions",
            m => m.User == app.BotUserId && SampleBots.Ts(m.Ts) > SampleBots.Ts(ts), Patience);
        Assert.StartsWith("Hi <@U0ALICE>! I only know one thing", reply.Text, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(env.Slack.GetMessages("questions"), m => m.User == app.BotUserId);
    }

    [Fact]
    public async Task DirectMessages_UserWritesToBotInIm_AnswersInTheImOnce()
    {
        // A real IM: Slack delivers it as a message event with channel_type "im" on a D channel, which no
        // SlackBot declares, so only spec.behaviours apply there.
        var app = await env.ApplySampleAsync("direct-messages.yaml", "helpdeskbot", channel: null, instance: "im");
        var im = env.Slack.OpenDirectMessage(Alice, app.BotUserId);

        var helpTs = await env.Slack.PostUserMessageAsync(im, Alice, "help");
        var help = await env.Slack.WaitForBotMessageAsync(im, m => m.User == app.BotUserId, Patience);
        var resetTs = await env.Slack.PostUserMessageAsync(im, Alice, "Please RESET PASSWORD for me");
        var reset = await env.Slack.WaitForBotMessageAsync(im,
            m => m.User == app.BotUserId && SampleBots.Ts(m.Ts) > SampleBots.Ts(resetTs), Patience);

        Assert.Equal("Hi <@U0ALICE>, I can reset passwords: say \"reset password\".", help.Text);
        Assert.True(SampleBots.Ts(help.Ts) > SampleBots.Ts(helpTs));
        Assert.Equal("<@U0ALICE>, a reset link is on its way to your e-mail.", reset.Text);
        Assert.All(new[] { help, reset }, m => Assert.Equal(im, m.Channel));
        Assert.All(new[] { help, reset }, m => Assert.Null(m.ThreadTs));

        // The bot's own replies come back to it as IM events too; it must not answer them (or anything twice).
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, env.Slack.GetMessages(im).Count(m => m.User == app.BotUserId));
    }

    [Fact]
    public async Task TopLevelBehaviours_UndeclaredChannelTheBotIsIn_Answers()
    {
        // spec.behaviours also apply in a channel the bot was invited to without it being declared.
        var app = await env.ApplySampleAsync("direct-messages.yaml", "helpdeskbot", "helpdesk");

        await env.Slack.PostUserMessageAsync("helpdesk", Alice, "help");

        var reply = await env.Slack.WaitForBotMessageAsync("helpdesk", m => m.User == app.BotUserId, Patience);
        Assert.Equal("Hi <@U0ALICE>, I can reset passwords: say \"reset password\".", reply.Text);
    }

    [Fact]
    public async Task Forward_QuestionInHelp_PostsServiceAnswerInThread()
    {
        await using var service = new ForwardServer(body =>
            new JsonObject { ["text"] = $"You asked: {JsonNode.Parse(body)!["text"]}" }.ToJsonString());
        var app = await env.ApplySampleAsync("forward.yaml", "helpbot", "help", adapt: manifest => manifest.Replace(
            "http://answers.team-a.svc.cluster.local:8080/slack", $"http://127.0.0.1:{service.Port}/slack",
            StringComparison.Ordinal));

        var ts = await env.Slack.PostUserMessageAsync("help", Alice, "? vpn");

        var reply = await env.Slack.WaitForBotMessageAsync("help",
            m => m.User == app.BotUserId && m.ThreadTs == ts, Patience);
        Assert.Equal("You asked: ? vpn", reply.Text);
        var sent = JsonNode.Parse(Assert.Single(service.Bodies))!;
        Assert.Equal((Alice, ts, "T0EMULATOR"), ((string?)sent["user"], (string?)sent["ts"], (string?)sent["team"]));
    }

    [Fact]
    public async Task Schedule_SampleApplied_BotReady()
    {
        await env.ApplySampleAsync("schedule.yaml", "standupbot", "standup");

        var bot = await env.GetBotAsync("sample-schedule", "standupbot");

        Assert.Equal(bot.Metadata.Generation, bot.Status!.ObservedGeneration);
    }

    [Fact]
    public async Task TwoBots_AllowBotsOff_NeverAnswerEachOther()
    {
        const string ns = "two-bots";
        var first = env.Slack.AddApp("echoone");
        var second = env.Slack.AddApp("echotwo");
        env.Slack.AddChannel("echoes", memberIds: [first.BotUserId, second.BotUserId]);
        await env.CreateNamespaceAsync(ns);
        foreach (var app in new[] { first, second })
        {
            await env.CreateSecretAsync(ns, app.BotName, "bot", app.BotToken);
            await env.CreateSecretAsync(ns, app.BotName + "-app", "app", app.AppToken);
            await env.CreateBotAsync(ns, app.BotName, Echo(app.BotName));
        }

        await env.WaitForConditionAsync(ns, first.BotName, "Ready", c => c.Status == "True");
        await env.WaitForConditionAsync(ns, second.BotName, "Ready", c => c.Status == "True");

        await env.Slack.PostUserMessageAsync("echoes", Alice, "anyone there?");

        await env.Slack.WaitForBotMessageAsync("echoes", m => m.User == first.BotUserId, Patience);
        await env.Slack.WaitForBotMessageAsync("echoes", m => m.User == second.BotUserId, Patience);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, env.Slack.GetMessages("echoes").Count(m => m.BotId is not null));
    }

    private static SlackBotSpec Echo(string name)
    {
        var spec = OperatorEnvironment.Spec(name, "bot", name + "-app", "app", new ChannelSpec
        {
            Name = "echoes",
            Behaviours =
            [
                new BehaviourSpec
                {
                    Reply = new ReplyBehaviour { When = new MessageMatch { Matches = "." }, Text = "I heard you" },
                },
            ],
        });
        spec.AllowBots = false;
        return spec;
    }
}
