using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.SlackFaults;

/// <summary>
/// Slack allows ten Socket Mode connections per app and answers the eleventh with a <c>disconnect</c> of reason
/// <c>too_many_websockets</c> instead of <c>hello</c>: the bot that got it says so, with the fix.
/// </summary>
public sealed class TooManySocketsTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>
{
    private const string Ns = "shared-app";

    [Fact]
    public async Task ElevenBotsOnOneApp_TheOneLeftOut_SaysTooManyWebsocketsAndWhatToDo()
    {
        await env.CreateNamespaceAsync(Ns);
        await env.DeclareBotAsync(Ns, "bot0");
        for (var i = 1; i <= 10; i++)
        {
            await env.CreateBotAsync(Ns, $"bot{i}", BotScenarios.Spec(Ns, "bot0", "pong"));
        }

        var message = await Eventually.MatchAsync(ConnectedMessagesAsync, HasRefusal, BotScenarios.Patience,
            messages => $"no bot says too_many_websockets: {string.Join(" | ", messages)}");

        Assert.Contains(message, m => m.Contains("give each SlackBot its own Slack app", StringComparison.Ordinal));
        env.AssertNoTokenLogged();
    }

    private static bool HasRefusal(IReadOnlyList<string> messages) =>
        messages.Any(m => m.Contains("too_many_websockets", StringComparison.Ordinal));

    private async Task<IReadOnlyList<string>> ConnectedMessagesAsync()
    {
        var messages = new List<string>();
        for (var i = 0; i <= 10; i++)
        {
            var bot = await env.GetBotAsync(Ns, $"bot{i}");
            var connected = bot.Status?.Conditions?.FirstOrDefault(c => c.Type == "Connected");
            messages.Add(connected?.Message ?? string.Empty);
        }

        return messages;
    }
}
