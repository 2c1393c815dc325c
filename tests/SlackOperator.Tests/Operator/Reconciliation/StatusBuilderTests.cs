using k8s.Models;
using SlackOperator.Bots;
using SlackOperator.Entities;
using SlackOperator.Reconciliation;
using SlackOperator.Slack.SocketMode;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Tests.Operator.Reconciliation;

public sealed class StatusBuilderTests
{
    private static readonly DateTime Earlier = new(2025, 1, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly AuthIdentity Identity = new("U1", "B1", "kittenbot", "T1", "Cats", null);
    private static readonly ChannelObservation General = new("#general", "general", "C1", true, null, null);

    [Fact]
    public void Observed_EventsApiBotRunning_ConnectedReasonEventsApiWithItsPath()
    {
        var bot = Bot();
        bot.Spec.Mode = BotModes.EventsApi;

        var status = StatusBuilder.Observed(bot, Observation(ConnectionState.Connected), Now);

        var connected = status.Conditions!.Single(c => c.Type == "Connected");
        Assert.Equal(("True", Reasons.EventsApi), (connected.Status, connected.Reason));
        Assert.Contains("/slack/events/bots/kitten", connected.Message, StringComparison.Ordinal);
        Assert.Equal(("True", Reasons.Ready), Summary(status, "Ready"));
    }

    [Fact]
    public void Observed_ConnectedAndInEveryChannel_ReadyTrueWithReasonReady()
    {
        var status = StatusBuilder.Observed(Bot(), Observation(ConnectionState.Connected), Now);

        Assert.Equal(("True", Reasons.Ready), Summary(status, "Ready"));
    }

    [Fact]
    public void Observed_Reconnecting_ReadyFalseWithReasonReconnecting()
    {
        var status = StatusBuilder.Observed(Bot(), Observation(ConnectionState.Reconnecting), Now);

        Assert.Equal(("False", Reasons.Reconnecting), Summary(status, "Ready"));
    }

    [Fact]
    public void Observed_Reconnecting_ReconcilingTrue()
    {
        var status = StatusBuilder.Observed(Bot(), Observation(ConnectionState.Reconnecting), Now);

        Assert.Equal(("True", Reasons.Reconnecting), Summary(status, "Reconciling"));
    }

    [Fact]
    public void Observed_BotTokenRefused_ReadyFalseWithReasonInvalidAuth()
    {
        var observation = BotObservation.AuthFailed(new SlackError("invalid_auth"));

        var status = StatusBuilder.Observed(Bot(), observation, Now);

        Assert.Equal(("False", Reasons.InvalidAuth), Summary(status, "Ready"));
    }

    [Fact]
    public void Observed_BotTokenRefused_MessageNamesSecretAndKey()
    {
        var observation = BotObservation.AuthFailed(new SlackError("invalid_auth"));

        var status = StatusBuilder.Observed(Bot(), observation, Now);

        var message = Condition(status, "Ready")?.Message ?? "";
        Assert.True(message.Contains("bots/slack", StringComparison.Ordinal)
            && message.Contains("\"bot-token\"", StringComparison.Ordinal), message);
    }

    [Fact]
    public void Observed_BotTokenRefused_StalledTrue()
    {
        var observation = BotObservation.AuthFailed(new SlackError("invalid_auth"));

        var status = StatusBuilder.Observed(Bot(), observation, Now);

        Assert.Equal(("True", Reasons.InvalidAuth), Summary(status, "Stalled"));
    }

    [Fact]
    public void Observed_SlackUnreachable_ReconcilingRatherThanStalled()
    {
        var observation = BotObservation.AuthFailed(new SlackError(SlackError.TimeoutCode));

        var status = StatusBuilder.Observed(Bot(), observation, Now);

        Assert.Equal((null, "True"), (Condition(status, "Stalled")?.Status, Condition(status, "Reconciling")?.Status));
    }

    [Fact]
    public void Observed_AppTokenRefused_ReadyFalseWithReasonInvalidAppToken()
    {
        var observation = Observation(ConnectionState.Failed, new SlackError("invalid_auth"));

        var status = StatusBuilder.Observed(Bot(), observation, Now);

        Assert.Equal(("False", Reasons.InvalidAppToken), Summary(status, "Ready"));
    }

    [Fact]
    public void Observed_WasStalledNowConnected_StalledAbsent()
    {
        var bot = Bot(new StatusCondition { Type = "Stalled", Status = "True", LastTransitionTime = Earlier });

        var status = StatusBuilder.Observed(bot, Observation(ConnectionState.Connected), Now);

        Assert.Null(Condition(status, "Stalled"));
    }

    [Fact]
    public void Observed_ReadyStaysTrue_KeepsLastTransitionTime()
    {
        var bot = Bot(new StatusCondition { Type = "Ready", Status = "True", LastTransitionTime = Earlier });

        var status = StatusBuilder.Observed(bot, Observation(ConnectionState.Connected), Now);

        Assert.Equal(Earlier, Condition(status, "Ready")?.LastTransitionTime);
    }

    [Fact]
    public void Observed_ReadyFlips_SetsLastTransitionTimeToNow()
    {
        var bot = Bot(new StatusCondition { Type = "Ready", Status = "True", LastTransitionTime = Earlier });

        var status = StatusBuilder.Observed(bot, Observation(ConnectionState.Reconnecting), Now);

        Assert.Equal(Now, Condition(status, "Ready")?.LastTransitionTime);
    }

    [Fact]
    public void Observed_ChannelNotJoined_ReadyFalseWithChannelReason()
    {
        var missing = new ChannelObservation("#private", "private", "C2", false, "NotInChannel", "invite the bot");
        var connection = Connection(ConnectionState.Connected);
        var observation = new BotObservation(Identity, null, connection, [General, missing], NoRuns);

        var status = StatusBuilder.Observed(Bot(), observation, Now);

        Assert.Equal(("False", "NotInChannel", "1/2"), (Condition(status, "Ready")?.Status,
            Condition(status, "Ready")?.Reason, status.ChannelSummary));
    }

    [Fact]
    public void Observed_Connected_RecordsIdentityAndGeneration()
    {
        var status = StatusBuilder.Observed(Bot(), Observation(ConnectionState.Connected), Now);

        Assert.Equal(("kittenbot", "Cats", 4L), (status.Bot?.Name, status.Bot?.Team, status.ObservedGeneration));
    }

    [Fact]
    public void TokenProblem_SecretMissing_StalledWithProblemReason()
    {
        var problem = new TokenProblem(Reasons.SecretNotFound, "Secret bots/slack not found");

        var status = StatusBuilder.TokenProblem(Bot(), problem, Now);

        Assert.Equal(("True", Reasons.SecretNotFound), Summary(status, "Stalled"));
    }

    [Fact]
    public void Suspended_Always_ReadyFalseWithReasonSuspendedAndNoStalled()
    {
        var status = StatusBuilder.Suspended(Bot(), Now);

        Assert.Equal(("False", Reasons.Suspended, null), (Condition(status, "Ready")?.Status,
            Condition(status, "Ready")?.Reason, Condition(status, "Stalled")));
    }

    private static (string?, string?) Summary(SlackBotStatus status, string type) =>
        (Condition(status, type)?.Status, Condition(status, type)?.Reason);

    private static StatusCondition? Condition(SlackBotStatus status, string type) =>
        status.Conditions?.SingleOrDefault(c => c.Type == type);

    private static BotObservation Observation(ConnectionState state, SlackError? error = null) =>
        new(Identity, null, Connection(state, error), [General], NoRuns);

    private static Dictionary<string, DateTimeOffset> NoRuns => [];

    private static ConnectionStatus Connection(ConnectionState state, SlackError? error = null) =>
        new(state, new DateTimeOffset(Earlier), 0, error);

    private static SlackBot Bot(params StatusCondition[] previous)
    {
        var bot = new SlackBot
        {
            Metadata = new V1ObjectMeta { Name = "kitten", NamespaceProperty = "bots", Generation = 4 },
            Status = previous.Length == 0 ? null : new SlackBotStatus { Conditions = [.. previous] },
        };
        bot.Spec.BotToken.SecretKeyRef = new SecretKeySelector { Name = "slack", Key = "bot-token" };
        bot.Spec.AppToken = new TokenSource
        {
            SecretKeyRef = new SecretKeySelector { Name = "slack", Key = "app-token" },
        };
        return bot;
    }
}
