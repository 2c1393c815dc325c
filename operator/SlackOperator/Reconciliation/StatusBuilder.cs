using SlackOperator.Bots;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Crds;
using SlackOperator.Slack.SocketMode;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Reconciliation;

/// <summary>Turns what was found (token problems, the running bot's observation) into a SlackBot status.</summary>
internal static class StatusBuilder
{
    public static SlackBotStatus Suspended(SlackBot bot, DateTime now)
    {
        const string message = "spec.suspend is true: the bot is disconnected until it is set to false";
        var conditions = Start(bot, now)
            .Set("Ready", false, Reasons.Suspended, message)
            .Set("Authenticated", null, Reasons.Suspended, message)
            .Set("Connected", false, Reasons.Suspended, message);
        return Finish(bot, conditions, null, null);
    }

    /// <summary>
    /// The spec of this generation is invalid: Ready turns false and Stalled true with every problem and its
    /// field path. What is observed of a bot still running an earlier generation stays as it was; when none runs
    /// here (the operator restarted or took over since the last valid generation), Connected says so.
    /// </summary>
    public static SlackBotStatus InvalidSpec(
        SlackBot bot, IReadOnlyList<FieldProblem> problems, bool running, DateTime now)
    {
        var listed = string.Join("; ", problems.Take(10).Select(p => p.ToString()));
        var more = problems.Count > 10 ? $" (and {problems.Count - 10} more)" : string.Empty;
        var message = $"the spec is invalid and was not applied: {listed}{more}";
        var conditions = Start(bot, now);
        var replaced = running ? ["Ready", "Stalled", "Reconciling"] : new[] { "Ready", "Stalled", "Reconciling",
            "Connected", "ChannelsReady" };
        foreach (var kept in bot.Status?.Conditions ?? [])
        {
            if (!replaced.Contains(kept.Type))
            {
                conditions.Keep(kept);
            }
        }

        if (!running)
        {
            conditions.Set("Connected", false, Reasons.InvalidSpec,
                "no generation of this SlackBot runs: none was valid since this operator started; fix the spec");
        }

        conditions.Set("Ready", false, Reasons.InvalidSpec, message)
            .SetWhileTrue("Stalled", true, Reasons.InvalidSpec, message);
        var previous = bot.Status;
        return new SlackBotStatus
        {
            ObservedGeneration = bot.Metadata.Generation,
            Conditions = [.. conditions.Conditions],
            Bot = previous?.Bot,
            Connection = running ? previous?.Connection : null,
            Channels = previous?.Channels,
            ChannelSummary = previous?.ChannelSummary,
            Schedules = previous?.Schedules,
        };
    }

    public static SlackBotStatus TokenProblem(SlackBot bot, TokenProblem problem, DateTime now)
    {
        var conditions = Start(bot, now)
            .Set("Ready", false, problem.Reason, problem.Message)
            .Set("Authenticated", false, problem.Reason, problem.Message)
            .Set("Connected", false, Reasons.NotAuthenticated, "waiting for usable tokens")
            .SetWhileTrue("Stalled", true, problem.Reason, problem.Message);
        return Finish(bot, conditions, null, null);
    }

    public static SlackBotStatus Observed(SlackBot bot, BotObservation observation, DateTime now)
    {
        if (observation.AuthError is { } authError)
        {
            var reason = SlackErrorReasons.ForBotToken(authError);
            var secret = bot.Spec.BotToken.SecretKeyRef;
            var message = $"Slack refused the bot token in Secret {bot.Metadata.NamespaceProperty}/{secret.Name} " +
                $"key \"{secret.Key}\" (spec.botToken): {authError}; {SlackErrorReasons.Advice(reason)}";
            var stalled = reason != Reasons.SlackUnavailable;
            var failed = Start(bot, now)
                .Set("Ready", false, reason, message)
                .Set("Authenticated", false, reason, message)
                .Set("Connected", false, Reasons.NotAuthenticated, "waiting for the bot token to be accepted")
                .SetWhileTrue("Stalled", stalled, reason, message)
                .SetWhileTrue("Reconciling", !stalled, reason, message);
            return Finish(bot, failed, null, null);
        }

        var identity = observation.Identity!;
        var conditions = Start(bot, now).Set("Authenticated", true, Reasons.Authenticated,
            $"the bot token belongs to @{identity.UserName} in {identity.TeamName}");
        var (connected, connectionReason, connectionMessage) = Connection(bot, observation.Connection);
        var (channelsReady, channelsReason, channelsMessage) = Channels(observation.Channels);
        var ready = connected && channelsReady;
        var (readyReason, readyMessage) = ready
            ? (Reasons.Ready, $"@{identity.UserName} is connected and in {Summary(observation.Channels)} channels")
            : !connected ? (connectionReason, connectionMessage) : (channelsReason, channelsMessage);
        var state = observation.Connection?.State;
        conditions
            .Set("Connected", connected, connectionReason, connectionMessage)
            .Set("ChannelsReady", channelsReady, channelsReason, channelsMessage)
            .Set("Ready", ready, readyReason, readyMessage)
            .SetWhileTrue("Reconciling", state is ConnectionState.Connecting or ConnectionState.Reconnecting,
                connectionReason, connectionMessage)
            .SetWhileTrue("Stalled", state is ConnectionState.Failed, connectionReason, connectionMessage);
        return Finish(bot, conditions, observation, identity);
    }

    private static ConditionSet Start(SlackBot bot, DateTime now) =>
        new(bot.Status?.Conditions, bot.Metadata.Generation, now);

    private static (bool, string, string) Connection(SlackBot bot, ConnectionStatus? connection)
    {
        var error = connection?.LastError;
        if (BotModes.IsEventsApi(bot.Spec) && connection?.State == ConnectionState.Connected)
        {
            var path = BotModes.EventsPath(bot.Metadata.NamespaceProperty, bot.Metadata.Name);
            var refused = error is null ? string.Empty : $"; but {error}";
            return (true, Reasons.EventsApi, $"receiving events at {path} on the operator's HTTP port{refused}");
        }

        switch (connection?.State)
        {
            case ConnectionState.Connected:
                return (true, Reasons.Connected, "the Socket Mode connection is open");
            case ConnectionState.Reconnecting:
                return (false, Reasons.Reconnecting, $"the Socket Mode connection was lost ({error}); reconnecting");
            case ConnectionState.Failed when error is not null:
                var reason = SlackErrorReasons.ForAppToken(error);
                var secret = bot.Spec.AppToken?.SecretKeyRef ?? new SecretKeySelector();
                return (false, reason, $"Slack refused the Socket Mode connection for the app token in Secret " +
                    $"{bot.Metadata.NamespaceProperty}/{secret.Name} key \"{secret.Key}\" (spec.appToken): " +
                    $"{error}; {SlackErrorReasons.Advice(reason)}");
            default:
                var detail = error is null ? string.Empty : $" (last error: {error})";
                return (false, Reasons.Connecting, $"opening the Socket Mode connection{detail}");
        }
    }

    private static (bool, string, string) Channels(IReadOnlyList<ChannelObservation> channels)
    {
        var problem = channels.FirstOrDefault(c => !c.Member);
        return problem is null
            ? (true, Reasons.ChannelsReady, $"the bot is in all {channels.Count} declared channels")
            : (false, problem.Reason ?? "NotInChannel", problem.Error ?? $"{problem.Declared} is not usable");
    }

    private static string Summary(IReadOnlyList<ChannelObservation> channels) =>
        $"{channels.Count(c => c.Member)}/{channels.Count}";

    private static SlackBotStatus Finish(
        SlackBot bot, ConditionSet conditions, BotObservation? observation, AuthIdentity? identity) => new()
    {
        ObservedGeneration = bot.Metadata.Generation,
        Conditions = [.. conditions.Conditions],
        Bot = identity is null ? null : new BotIdentityStatus
        {
            UserId = identity.UserId,
            BotId = identity.BotId,
            Name = identity.UserName,
            TeamId = identity.TeamId,
            Team = identity.TeamName,
        },
        Connection = observation?.Connection is { } c ? new ConnectionStatusView
        {
            State = c.State.ToString(),
            Since = c.Since.UtcDateTime,
            Reconnects = c.Reconnects,
            LastError = c.LastError?.ToString(),
        } : null,
        Channels = observation is null ? null : [.. observation.Channels.Select(c => new ChannelStatus
        {
            Name = c.Name,
            Id = c.Id,
            Member = c.Member,
            Error = c.Error,
        })],
        ChannelSummary = observation is null ? null : Summary(observation.Channels),
        Schedules = Schedules(bot, observation),
    };

    // Without a running bot the last runs stay as they were: they are what prevents a repeat after a fix.
    private static List<ScheduleStatus>? Schedules(SlackBot bot, BotObservation? observation) =>
        observation is null || observation.ScheduleRuns.Count == 0
            ? bot.Status?.Schedules
            : [.. observation.ScheduleRuns.OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new ScheduleStatus { Behaviour = r.Key, LastRun = r.Value.UtcDateTime })];
}
