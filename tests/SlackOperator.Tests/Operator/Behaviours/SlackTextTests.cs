using SlackOperator.Behaviours;

namespace SlackOperator.Tests.Operator.Behaviours;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<@U1|bob>", "&lt;@U1|bob&gt;")]
    [InlineData("&lt;", "&amp;lt;")]
    [InlineData("plain text", "plain text")]
    public void Escape_ControlCharacters_AreEntityEncoded(string text, string expected)
    {
        Assert.Equal(expected, SlackText.Escape(text));
    }

    [Fact]
    public void Unescape_EscapedText_GivesBackWhatWasTyped()
    {
        const string typed = "if a < b && b > c then <!here> &lt;";

        Assert.Equal(typed, SlackText.Unescape(SlackText.Escape(typed)));
    }
}
