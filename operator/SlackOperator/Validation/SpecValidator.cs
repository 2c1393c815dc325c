using Cronos;
using SlackOperator.Behaviours;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Crds;

namespace SlackOperator.Validation;

/// <summary>
/// Everything wrong with a SlackBot's spec, each with its field path: first what the CRD schema also checks
/// (from the same attributes), then what no schema can (the regex compiles, the cron parses, the time zone
/// exists, templates use known variables, the forward URL is allowed). The operator, <c>slack-operator
/// validate</c> and <c>simulate</c> all call this one method.
/// </summary>
internal sealed class SpecValidator(ForwardUrlPolicy forwardPolicy)
{
    private static readonly string[] MessageVariables = ["user", "channel"];

    public IReadOnlyList<FieldProblem> Validate(SlackBotSpec spec)
    {
        var problems = AttributeValidator.Validate(spec, "spec").ToList();
        CheckMode(spec, problems);
        var channels = spec.Channels ?? [];
        // Slack channel names are lower case and matched regardless of case, so General and general are one.
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < channels.Count; i++)
        {
            var identity = channels[i].Name is { } name ? $"#{name}" : channels[i].Id;
            if (identity is not null && !seen.TryAdd(identity, i))
            {
                problems.Add(new FieldProblem($"spec.channels[{i}]",
                    $"Duplicate value: {channels[i].Display} is already declared at spec.channels[{seen[identity]}]; " +
                    "put all its behaviours in one entry"));
            }

            var behaviours = channels[i].Behaviours ?? [];
            for (var j = 0; j < behaviours.Count; j++)
            {
                CheckBehaviour(behaviours[j], $"spec.channels[{i}].behaviours[{j}]", true, problems);
            }
        }

        var everywhere = spec.Behaviours ?? [];
        for (var j = 0; j < everywhere.Count; j++)
        {
            CheckBehaviour(everywhere[j], $"spec.behaviours[{j}]", false, problems);
        }

        return problems;
    }

    private static void CheckMode(SlackBotSpec spec, List<FieldProblem> problems)
    {
        if (BotModes.IsEventsApi(spec) && spec.SigningSecret is null)
        {
            problems.Add(new FieldProblem("spec.signingSecret",
                "Required value: spec.mode is EventsApi, so Slack's signing secret must come from a Secret " +
                "(spec.signingSecret.secretKeyRef)"));
        }

        if (!BotModes.IsEventsApi(spec) && spec.AppToken is null)
        {
            problems.Add(new FieldProblem("spec.appToken",
                "Required value: Socket Mode (the default spec.mode) needs an app-level token " +
                "(spec.appToken.secretKeyRef); set spec.mode: EventsApi to receive events over HTTP instead"));
        }
    }

    private void CheckBehaviour(BehaviourSpec behaviour, string path, bool inChannel, List<FieldProblem> problems)
    {
        if (behaviour.Reply is { } reply)
        {
            var groups = CheckMatch(reply.When, $"{path}.reply.when", problems);
            CheckTemplate(reply.Text, $"{path}.reply.text", [.. MessageVariables, .. groups], problems);
        }

        if (behaviour.React is { } react)
        {
            CheckMatch(react.When, $"{path}.react.when", problems);
        }

        if (behaviour.Forward is { } forward)
        {
            CheckMatch(forward.When, $"{path}.forward.when", problems);
            if (forwardPolicy.Check(forward.Url) is { } why)
            {
                problems.Add(new FieldProblem($"{path}.forward.url", $"Invalid value: \"{forward.Url}\": {why}"));
            }
        }

        if (behaviour.Welcome is { } welcome)
        {
            RequireChannel(inChannel, $"{path}.welcome", problems);
            CheckTemplate(welcome.Text, $"{path}.welcome.text", MessageVariables, problems);
        }

        if (behaviour.Schedule is { } schedule)
        {
            RequireChannel(inChannel, $"{path}.schedule", problems);
            CheckSchedule(schedule, $"{path}.schedule", problems);
        }
    }

    /// <summary>Checks the regex, if any; returns the names of its capture groups for the template check.</summary>
    private static IReadOnlyList<string> CheckMatch(MessageMatch? when, string path, List<FieldProblem> problems)
    {
        if (when?.Mention == false)
        {
            problems.Add(new FieldProblem($"{path}.mention",
                "Invalid value: false: a condition that never matches; use mention: true, or another condition"));
        }

        foreach (var (user, index) in (when?.From ?? []).Select((u, i) => (u, i)))
        {
            if (user.Length < 2 || user[0] is not ('U' or 'W') || !user.All(char.IsAsciiLetterOrDigit))
            {
                problems.Add(new FieldProblem($"{path}.from[{index}]",
                    $"Invalid value: \"{user}\": must be a user id such as U0123456789, not a name"));
            }
        }

        if (when?.Matches is not { } pattern)
        {
            return [];
        }

        try
        {
            return MessageMatcher.CreateRegex(pattern, when.IgnoreCase != false).GetGroupNames();
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            problems.Add(new FieldProblem($"{path}.matches",
                $"Invalid value: \"{pattern}\": not a regular expression the non-backtracking engine accepts: " +
                ex.Message));
            return [];
        }
    }

    private static void CheckTemplate(
        string? template, string path, IReadOnlyCollection<string> known, List<FieldProblem> problems)
    {
        foreach (var name in MessageTemplate.Variables(template ?? string.Empty).Distinct())
        {
            if (!known.Contains(name))
            {
                problems.Add(new FieldProblem(path, $"Invalid value: unknown template variable {{{{{name}}}}}; " +
                    $"known here: {string.Join(", ", known.Select(k => $"{{{{{k}}}}}"))}"));
            }
        }
    }

    private static void CheckSchedule(ScheduleBehaviour schedule, string path, List<FieldProblem> problems)
    {
        try
        {
            // Searched in UTC: whether an expression ever fires does not depend on the zone it is read in.
            if (CronExpression.Parse(schedule.Cron, CronFormat.Standard).GetNextOccurrence(DateTime.UtcNow) is null)
            {
                problems.Add(new FieldProblem($"{path}.cron",
                    $"Invalid value: \"{schedule.Cron}\": never occurs (e.g. a day the month does not have)"));
            }
        }
        catch (CronFormatException ex)
        {
            problems.Add(new FieldProblem($"{path}.cron", $"Invalid value: \"{schedule.Cron}\": not a cron " +
                $"expression of five fields or a macro such as @daily: {ex.Message}"));
        }

        if (!string.IsNullOrEmpty(schedule.TimeZone)
            && !TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out _))
        {
            problems.Add(new FieldProblem($"{path}.timeZone",
                $"Invalid value: \"{schedule.TimeZone}\": not an IANA time zone such as Europe/Berlin"));
        }

        CheckTemplate(schedule.Text, $"{path}.text", ["channel"], problems);
    }

    private static void RequireChannel(bool inChannel, string path, List<FieldProblem> problems)
    {
        if (!inChannel)
        {
            problems.Add(new FieldProblem(path,
                "Invalid value: only allowed under spec.channels[].behaviours, where the channel is known"));
        }
    }
}
