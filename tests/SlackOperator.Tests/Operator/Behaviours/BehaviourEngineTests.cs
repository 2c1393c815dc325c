using SlackOperator.Behaviours;
using SlackOperator.Bots;
using SlackOperator.Entities;
using SlackOperator.Slack.Events;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Tests.Operator.Behaviours;

/// <summary>
/// Slack's real event payloads through the whole engine: <see cref="MessageEvent.TryRead"/>, then
/// <see cref="MessageFilter"/>, then <see cref="BehaviourSet.Decide"/>, described as one line per outcome.
/// </summary>
public sealed class BehaviourEngineTests
{
    private static readonly AuthIdentity Self = new(SlackEventPayloads.Bot, "B0BOT", "bot", "T0EMULATOR", "Team", null);

    public static TheoryData<string, bool, string> Cases => new()
    {
        { "plain", false, "react wave; post in C0GENERAL: Hello <@U0ALICE>!" },
        { "app_mention", false, "post in C0GENERAL: You called, <@U0ALICE>?" },
        { "mention_message", false, "post in C0GENERAL: You called, <@U0ALICE>?" },
        { "member_joined_channel", false, "not a message" },
        { "message_changed", false, "ignored" },
        { "message_deleted", false, "ignored" },
        { "bot_message", false, "ignored" },
        { "bot_message", true, "react wave; post in C0GENERAL: Hello there!" },
        { "other_app_bot", false, "ignored" },
        { "other_app_bot", true, "react wave; post in C0GENERAL: Hello <@U0OTHERBOT>!" },
        { "own_message", true, "ignored" },
        { "thread_broadcast", false, "react wave; post in C0GENERAL thread 1700000000.000100: Hello <@U0ALICE>!" },
        { "file_share", false, "react wave; post in C0GENERAL: Hello <@U0ALICE>!" },
        { "in_thread", false, "react wave; post in C0GENERAL thread 1700000000.000100: Hello <@U0ALICE>!" },
        { "regex_capture", false, "post in C0GENERAL thread 1700000011.000100: Deploying checkout to staging" },
        { "injection", false,
            "post in C0GENERAL thread 1700000012.000100: Deploying &lt;!channel&gt; to &lt;!here&gt;" },
        { "forward_question", false, "forward to http://answers.team-a.svc/ask" },
        { "direct_message", false, "post in D0ALICE: pong" },
        { "dm_channel_only_text", false, "nothing" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_SlackPayload_Expected(string payload, bool allowBots, string expected)
    {
        var outcome = Outcome(SlackEventPayloads.Parse(payload), CreateSut(allowBots));

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void WelcomeFor_MemberJoinedChannel_GreetsTheNewMember()
    {
        var joined = SlackEventPayloads.Parse("member_joined_channel");
        var user = joined.GetProperty("user").GetString()!;
        var channel = joined.GetProperty("channel").GetString()!;

        var text = CreateSut(false).WelcomeFor(channel)!.Render(user, channel);

        Assert.Equal("Welcome <@U0NEW> to <#C0GENERAL>", text);
    }

    [Fact]
    public void WelcomeFor_UndeclaredChannel_Null()
    {
        Assert.Null(CreateSut(false).WelcomeFor("C0ELSEWHERE"));
    }

    [Fact]
    public void Decide_TwoRepliesMatch_FirstDeclaredWins()
    {
        var message = MessageEvent.TryRead(SlackEventPayloads.Parse("plain"))! with { Text = "hello ping" };

        var decision = CreateSut(false).Decide(message, SlackEventPayloads.Bot);

        Assert.Equal("Hello <@U0ALICE>!", ((ReplyRule)decision.Answer!).Render(message, decision.Match!));
    }

    [Fact]
    public void Decide_SameEmojiFromChannelAndTopLevel_AddedOnce()
    {
        var message = MessageEvent.TryRead(SlackEventPayloads.Parse("plain"))!;

        var decision = CreateSut(false).Decide(message, SlackEventPayloads.Bot);

        Assert.Equal(["wave"], decision.Reactions);
    }

    private static string Outcome(System.Text.Json.JsonElement payload, BehaviourSet behaviours)
    {
        if (MessageEvent.TryRead(payload) is not { } message)
        {
            return "not a message";
        }

        if (!MessageFilter.IsAnswerable(message, Self, behaviours.AllowBots))
        {
            return "ignored";
        }

        var decision = behaviours.Decide(message, SlackEventPayloads.Bot);
        var parts = decision.Reactions.Select(r => $"react {r}").ToList();
        var threadTs = decision.Answer?.InThread == true ? message.ThreadTs ?? message.Ts : message.ThreadTs;
        var where = threadTs is null ? message.Channel : $"{message.Channel} thread {threadTs}";
        switch (decision.Answer)
        {
            case ReplyRule reply:
                parts.Add($"post in {where}: {reply.Render(message, decision.Match!)}");
                break;
            case ForwardRule forward:
                parts.Add($"forward to {forward.Url}");
                break;
        }

        return parts.Count == 0 ? "nothing" : string.Join("; ", parts);
    }

    private static BehaviourSet CreateSut(bool allowBots)
    {
        var general = new ChannelSpec
        {
            Name = "general",
            Behaviours =
            [
                React(new MessageMatch { Contains = "hello" }, "wave"),
                Reply(new MessageMatch { Matches = @"^deploy (?<service>.+) to (?<stage>\S+)$" },
                    "Deploying {{service}} to {{stage}}", inThread: true),
                Reply(new MessageMatch { Mention = true }, "You called, {{user}}?"),
                Reply(new MessageMatch { Contains = "hello" }, "Hello {{user}}!"),
                new BehaviourSpec
                {
                    Forward = new ForwardBehaviour
                    {
                        When = new MessageMatch { Matches = @"^\?" }, Url = "http://answers.team-a.svc/ask",
                    },
                },
                new BehaviourSpec { Welcome = new WelcomeBehaviour { Text = "Welcome {{user}} to {{channel}}" } },
            ],
        };
        var spec = new SlackBotSpec
        {
            AllowBots = allowBots,
            Channels = [general],
            Behaviours =
            [
                Reply(new MessageMatch { EqualTo = "ping" }, "pong"),
                Reply(new MessageMatch { Contains = "ping" }, "pong again"),
                React(new MessageMatch { Contains = "hello" }, ":wave:"),
            ],
        };
        var found = new ChannelObservation("#general", "general", "C0GENERAL", true, null, null);
        return BehaviourSet.Compile(spec, [found]);
    }

    private static BehaviourSpec Reply(MessageMatch when, string text, bool inThread = false) =>
        new() { Reply = new ReplyBehaviour { When = when, Text = text, InThread = inThread } };

    private static BehaviourSpec React(MessageMatch when, string emoji) =>
        new() { React = new ReactBehaviour { When = when, Emoji = emoji } };
}
