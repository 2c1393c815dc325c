using SlackOperator.Bots;

namespace SlackOperator.Tests.Operator.Bots;

public sealed class BotTokensTests
{
    private const string BotToken = "xoxb-1111-2222-botsecret";
    private const string AppToken = "xapp-1-A1-3333-appsecret";

    [Fact]
    public void ToString_Always_ShowsNoToken()
    {
        var text = CreateSut().ToString();

        Assert.False(text.Contains("secret", StringComparison.OrdinalIgnoreCase), text);
    }

    [Fact]
    public void ToString_Interpolated_ShowsNoToken()
    {
        var text = $"tokens: {CreateSut()}";

        Assert.False(text.Contains("secret", StringComparison.OrdinalIgnoreCase), text);
    }

    private static BotTokens CreateSut() => new(BotToken, AppToken);
}
