using SlackOperator.Behaviours;

namespace SlackOperator.Tests.Operator.Behaviours;

public sealed class MessageTemplateTests
{
    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here>", "&lt;!here&gt;")]
    [InlineData("<!everyone>", "&lt;!everyone&gt;")]
    [InlineData("<@U0BOSS>", "&lt;@U0BOSS&gt;")]
    [InlineData("a & b", "a &amp; b")]
    public void Render_CapturedSpecialMention_Escaped(string captured, string expected)
    {
        var match = new MatchResult(new Dictionary<string, string> { ["1"] = captured });

        var text = new MessageTemplate("said: {{1}}").Render("U0ALICE", "C0GENERAL", match);

        Assert.Equal($"said: {expected}", text);
    }

    [Fact]
    public void Render_UserAndChannel_MentionAndLink()
    {
        var text = new MessageTemplate("{{ user }} in {{channel}}").Render("U0ALICE", "C0GENERAL", MatchResult.Plain);

        Assert.Equal("<@U0ALICE> in <#C0GENERAL>", text);
    }
}
