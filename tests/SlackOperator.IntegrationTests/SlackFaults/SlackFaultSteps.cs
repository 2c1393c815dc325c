using System.Globalization;
using SlackOperator.Emulators.Slack;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.SlackFaults;

/// <summary>Steps the Slack fault tests share: counting replies and connection opens, waiting for sockets.</summary>
public static class SlackFaultSteps
{
    /// <summary>Long enough for the last redelivery (1 s ack timeout, 3 retries) and a late reply to land.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(4.5);

    /// <summary>The <c>apps.connections.open</c> calls of an app that arrived at or after <paramref name="since"/>.
    /// </summary>
    public static IReadOnlyList<ApiCallRecord> OpensSince(this OperatorEnvironment env, string appId,
        DateTimeOffset since) =>
        [.. env.Slack.GetApiCalls("apps.connections.open").Where(c => c.AppId == appId && c.At >= since)];

    /// <summary>The bot's messages in a channel posted after the message <paramref name="askedTs"/>.</summary>
    public static IReadOnlyList<PostedMessage> RepliesAfter(
        this OperatorEnvironment env, EmulatedApp app, string channel, string askedTs) =>
        [.. env.Slack.GetMessages(channel).Where(m => m.User == app.BotUserId && Ts(m.Ts) > Ts(askedTs))];

    /// <summary>Waits for the first reply, then for <see cref="Quiet"/>, and returns every reply seen.</summary>
    public static async Task<IReadOnlyList<PostedMessage>> SettledRepliesAsync(
        this OperatorEnvironment env, EmulatedApp app, string channel, string askedTs)
    {
        await env.Slack.WaitForBotMessageAsync(channel, m => m.User == app.BotUserId && Ts(m.Ts) > Ts(askedTs),
            BotScenarios.Patience);
        await Task.Delay(Quiet);
        return env.RepliesAfter(app, channel, askedTs);
    }

    /// <summary>Waits until the app has exactly one open socket that was opened after the first
    /// <paramref name="openedBefore"/> ones.</summary>
    public static Task<DeliveryStats> WaitForReconnectAsync(
        this OperatorEnvironment env, EmulatedApp app, int openedBefore, TimeSpan? timeout = null) =>
        Eventually.MatchAsync(() => env.Slack.GetDeliveryStats(app.AppId),
            s => s.ConnectionsOpened > openedBefore && s.OpenConnections == 1, timeout ?? BotScenarios.Patience,
            s => $"{s.ConnectionsOpened} opened, {s.OpenConnections} open");

    public static string Describe(IEnumerable<ApiCallRecord> calls) =>
        string.Join(", ", calls.Select(c => $"{c.At:HH:mm:ss.fff} {c.Result}"));

    private static decimal Ts(string ts) => decimal.Parse(ts, CultureInfo.InvariantCulture);
}
