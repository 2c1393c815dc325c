using System.Globalization;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Faults;

/// <summary>
/// The API server restarts: every watch and connection is cut, the store and its resourceVersions survive. Bots
/// keep their Slack connections, and what changes after the restart is reconciled.
/// </summary>
public sealed class ApiServerRestartTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>
{
    [Fact]
    public async Task Restart_AllConnectionsCut_BotKeepsRunningAndLaterChangesAreReconciled()
    {
        const string ns = "restart";
        var app = await env.StartBotAsync(ns);
        var before = await env.GetBotAsync(ns, "bot");
        var opened = env.Slack.GetDeliveryStats(app.AppId).ConnectionsOpened;

        await env.Kube.RestartAsync();
        var duringRecovery = await env.AskAsync(app, BotScenarios.ChannelOf(ns, "bot"));
        await env.SetReplyAsync(ns, "bot", "pong after restart");
        var changed = await env.WaitForSettledAsync(ns, "bot");
        var reply = await env.AskAsync(app, BotScenarios.ChannelOf(ns, "bot"));
        var newcomer = await env.DeclareBotAsync(ns, "newcomer");
        await env.WaitForSettledAsync(ns, "newcomer");
        var newcomerReply = await env.AskAsync(newcomer, BotScenarios.ChannelOf(ns, "newcomer"));

        Assert.Equal("pong", duringRecovery.Text);
        Assert.Equal("pong after restart", reply.Text);
        Assert.Equal("pong", newcomerReply.Text);
        Assert.True(Version(changed) > Version(before),
            $"resourceVersion went from {before.Metadata.ResourceVersion} to {changed.Metadata.ResourceVersion}");
        Assert.Equal(opened, env.Slack.GetDeliveryStats(app.AppId).ConnectionsOpened);
        Assert.Equal(1, env.Slack.GetDeliveryStats(app.AppId).OpenConnections);
        env.AssertNoTokenLogged();
    }

    private static long Version(Entities.SlackBot bot) =>
        long.Parse(bot.Metadata.ResourceVersion, CultureInfo.InvariantCulture);
}
