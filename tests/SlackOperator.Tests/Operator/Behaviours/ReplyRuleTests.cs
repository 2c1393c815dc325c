using SlackOperator.Behaviours;
using SlackOperator.Entities;
using SlackOperator.Slack.Events;

namespace SlackOperator.Tests.Operator.Behaviours;

public sealed class ReplyRuleTests
{
    [Fact]
    public void Matches_ContainsInOtherCase_MatchesByDefault()
    {
        var rule = CreateSut(new MessageMatch { Contains = "kitten" });

        Assert.True(rule.Match(Message("Look, a KITTEN!"), "UBOT") is not null);
    }

    [Fact]
    public void Matches_ContainsInOtherCaseWithIgnoreCaseFalse_DoesNotMatch()
    {
        var rule = CreateSut(new MessageMatch { Contains = "kitten", IgnoreCase = false });

        Assert.False(rule.Match(Message("Look, a KITTEN!"), "UBOT") is not null);
    }

    [Fact]
    public void Matches_ContainsSameCaseWithIgnoreCaseFalse_Matches()
    {
        var rule = CreateSut(new MessageMatch { Contains = "kitten", IgnoreCase = false });

        Assert.True(rule.Match(Message("look, a kitten"), "UBOT") is not null);
    }

    [Fact]
    public void Matches_EqualsWithSurroundingWhitespace_Matches()
    {
        var rule = CreateSut(new MessageMatch { EqualTo = " ping " });

        Assert.True(rule.Match(Message("\n  Ping\t"), "UBOT") is not null);
    }

    [Fact]
    public void Matches_EqualsButTextLonger_DoesNotMatch()
    {
        var rule = CreateSut(new MessageMatch { EqualTo = "ping" });

        Assert.False(rule.Match(Message("ping pong"), "UBOT") is not null);
    }

    [Fact]
    public void Matches_ContainsAndEqualsBothGiven_NeedsBoth()
    {
        var rule = CreateSut(new MessageMatch { Contains = "pi", EqualTo = "pong" });

        Assert.False(rule.Match(Message("pong"), "UBOT") is not null);
    }

    [Fact]
    public void Matches_NoCondition_DoesNotMatch()
    {
        var rule = CreateSut(new MessageMatch());

        Assert.False(rule.Match(Message("anything"), "UBOT") is not null);
    }

    [Fact]
    public void Matches_TextEscapedBySlack_MatchesWhatWasTyped()
    {
        var rule = CreateSut(new MessageMatch { Contains = "cats & dogs" });

        Assert.True(rule.Match(Message("cats &amp; dogs"), "UBOT") is not null);
    }

    [Fact]
    public void Render_UserPlaceholder_BecomesMention()
    {
        var rule = CreateSut(new MessageMatch { Contains = "hi" }, "Hello {{user}}!");

        Assert.Equal("Hello <@U123>!", rule.Render(Message("hi", user: "U123"), MatchResult.Plain));
    }

    [Fact]
    public void Render_ChannelPlaceholder_BecomesChannelLink()
    {
        var rule = CreateSut(new MessageMatch { Contains = "hi" }, "Welcome to {{channel}}");

        Assert.Equal("Welcome to <#C456>", rule.Render(Message("hi", channel: "C456"), MatchResult.Plain));
    }

    [Fact]
    public void Render_PlaceholdersRepeated_ReplacesEveryOne()
    {
        var rule = CreateSut(new MessageMatch { Contains = "hi" }, "{{user}} {{user}} {{channel}}");

        Assert.Equal("<@U1> <@U1> <#C1>", rule.Render(Message("hi", user: "U1", channel: "C1"), MatchResult.Plain));
    }

    [Fact]
    public void InThread_SetInSpec_IsTrue()
    {
        var rule = new ReplyRule(new ReplyBehaviour
        {
            When = new MessageMatch { Contains = "hi" },
            Text = "hello",
            InThread = true,
        });

        Assert.True(rule.InThread);
    }

    [Theory]
    [InlineData("<@UBOT> hello", true)]
    [InlineData("hey <@UBOT|kittenbot>, hello", true)]
    [InlineData("&lt;@UBOT&gt; typed by hand", false)]
    [InlineData("<@UOTHER> hello", false)]
    public void Matches_Mention_OnlyRealMentionMarkup(string text, bool matches)
    {
        var rule = CreateSut(new MessageMatch { Mention = true });

        Assert.Equal(matches, rule.Match(Message(text), "UBOT") is not null);
    }

    private static ReplyRule CreateSut(MessageMatch when, string text = "meow") =>
        new(new ReplyBehaviour { When = when, Text = text });

    private static MessageEvent Message(string text, string user = "U1", string channel = "C1") =>
        new(channel, user, null, null, text, "1.2", null, "channel");
}
