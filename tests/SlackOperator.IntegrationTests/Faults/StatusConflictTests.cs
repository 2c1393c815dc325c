using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Faults;

/// <summary>
/// Status writes answered with 409 Conflict: the writer re-reads and tries again (and past its own attempts the
/// controller retries), so the status ends up describing the current generation.
/// </summary>
public sealed class StatusConflictTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>
{
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public async Task StatusWrite_Conflicts_ReadyTrueAtCurrentGeneration(int conflicts)
    {
        var ns = $"conflict-{conflicts}";
        await env.CreateNamespaceAsync(ns);
        var mark = env.Kube.Requests.Count;

        env.Kube.Faults.ConflictNextWrites(conflicts, "slackbots");
        var app = await env.DeclareBotAsync(ns);
        var bot = await env.WaitForSettledAsync(ns, "bot");
        var reply = await env.AskAsync(app, BotScenarios.ChannelOf(ns, "bot"));

        var statusWrites = env.RequestsSince(mark).Where(r => r.Subresource == "status" && BotScenarios.IsWrite(r));
        Assert.Equal(conflicts, statusWrites.Count(r => r.StatusCode == 409));
        Assert.Equal(1, bot.Metadata.Generation);
        Assert.Equal(app.BotUserId, bot.Status!.Bot!.UserId);
        Assert.Equal("pong", reply.Text);
        env.AssertNoTokenLogged();
    }

    [Fact]
    public async Task StatusWrite_ConflictsAfterSpecChange_ObservedGenerationCatchesUp()
    {
        const string ns = "conflict-change";
        var app = await env.StartBotAsync(ns);

        await env.SetReplyAsync(ns, "bot", "pong v2");
        env.Kube.Faults.ConflictNextWrites(2, "slackbots");
        var bot = await env.WaitForSettledAsync(ns, "bot");
        var reply = await env.AskAsync(app, BotScenarios.ChannelOf(ns, "bot"));

        Assert.Equal(2, bot.Metadata.Generation);
        Assert.Equal("pong v2", reply.Text);
        env.AssertNoTokenLogged();
    }
}
