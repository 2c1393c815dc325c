using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Faults;

/// <summary>
/// The token Secret of a running bot is rotated to another Slack app's tokens: the operator, without a restart,
/// moves the bot to the new identity within seconds and the old app's connection closes.
/// </summary>
public sealed class SecretRotationTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>
{
    private static readonly TimeSpan FewSeconds = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task SecretRotated_ToAnotherAppsTokens_StatusAndRepliesShowTheNewBot()
    {
        const string ns = "rotate";
        var channel = BotScenarios.ChannelOf(ns, "bot");
        var old = await env.StartBotAsync(ns);
        var other = env.Slack.AddApp("other");
        env.Slack.AddChannelMember(channel, other.BotUserId);
        var starts = ControllerStarts();

        await env.ReplaceTokensAsync(ns, "bot", other);
        var bot = await env.WaitForSettledAsync(ns, "bot", b => b.Status!.Bot?.UserId == other.BotUserId, FewSeconds);
        var reply = await env.AskAsync(other, channel);
        await env.WaitForNoConnectionAsync(old);

        Assert.Equal((other.BotName, other.BotId), (bot.Status!.Bot!.Name, bot.Status.Bot.BotId));
        Assert.Equal("pong", reply.Text);
        Assert.DoesNotContain(env.Slack.GetMessages(channel), m => m.User == old.BotUserId);
        Assert.Equal(1, env.Slack.GetDeliveryStats(other.AppId).OpenConnections);
        Assert.Equal(1, starts);
        Assert.Equal(starts, ControllerStarts());
        env.AssertNoTokenLogged();
    }

    private int ControllerStarts() =>
        env.Logs.Lines.Count(l => l.Contains("Controller for slackbots started", StringComparison.Ordinal));
}
