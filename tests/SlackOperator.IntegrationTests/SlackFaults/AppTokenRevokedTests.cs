using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.SlackFaults;

/// <summary>
/// The app token is revoked while the bot is connected: at the next reconnect Slack refuses it, the status says
/// TokenRevoked (Stalled), and the bot stops trying instead of opening connection after connection.
/// </summary>
public sealed class AppTokenRevokedTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task AppTokenRevoked_ThenSocketDropped_TokenRevokedStalledAndNoFurtherOpens()
    {
        const string ns = "revoked-app";
        var app = await env.StartBotAsync(ns);
        var from = DateTimeOffset.UtcNow;

        env.Slack.RevokeToken(app.AppToken);
        env.Slack.Faults.DropSockets(app.AppToken);
        var bot = await env.WaitForConditionAsync(ns, "bot", "Ready",
            c => c is { Status: "False", Reason: "TokenRevoked" });
        var refused = env.OpensSince(app.AppId, from).Count;
        await Task.Delay(Window);
        var opens = env.OpensSince(app.AppId, from);

        var conditions = bot.Status!.Conditions!;
        Assert.Equal("TokenRevoked", conditions.Single(c => c.Type == "Connected").Reason);
        Assert.Equal("True", conditions.Single(c => c.Type == "Stalled").Status);
        Assert.Equal(["token_revoked"], opens.Select(o => o.Result));
        Assert.Equal(refused, opens.Count);
        Assert.Equal(0, env.Slack.GetDeliveryStats(app.AppId).OpenConnections);
        Assert.DoesNotContain(app.AppToken, string.Join(" ", conditions.Select(c => c.Message)),
            StringComparison.Ordinal);
        env.AssertNoTokenLogged();
    }
}
