using SlackOperator.Bots;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Informers;

namespace SlackOperator.Tests.Operator.Bots;

public sealed class DesiredBotTests
{
    [Fact]
    public void ToString_Always_ShowsNoToken()
    {
        var bot = new DesiredBot(
            new EntityKey("bots", "kitten"), 3, new BotTokens("xoxb-botsecret", "xapp-appsecret"), new SlackBotSpec(),
            new Dictionary<string, DateTimeOffset>());

        var text = bot.ToString();

        Assert.False(text.Contains("secret", StringComparison.OrdinalIgnoreCase), text);
    }
}
