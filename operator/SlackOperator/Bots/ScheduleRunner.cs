using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SlackOperator.Behaviours;

namespace SlackOperator.Bots;

/// <summary>
/// Posts a bot's scheduled messages. Each occurrence is posted once: the last run of every schedule is kept
/// (and published on the SlackBot's status, from where a restarted or newly elected operator picks it up), and
/// after downtime only the latest missed occurrence within <see cref="CatchUpWindow"/> is posted, never a burst.
/// </summary>
internal sealed class ScheduleRunner
{
    /// <summary>How late an occurrence may still be posted after downtime or a hand-over.</summary>
    public static readonly TimeSpan CatchUpWindow = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    private readonly string _bot;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<ScheduleRule, CancellationToken, Task<bool>> _post;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRuns;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new();

    public ScheduleRunner(
        string bot, TimeProvider time, ILogger logger, Func<ScheduleRule, CancellationToken, Task<bool>> post,
        IReadOnlyDictionary<string, DateTimeOffset> previousRuns)
    {
        _bot = bot;
        _time = time;
        _logger = logger;
        _post = post;
        _lastRuns = new ConcurrentDictionary<string, DateTimeOffset>(previousRuns);
    }

    /// <summary>Raised after a scheduled post, so the new last run reaches the status.</summary>
    public event Action? Ran;

    /// <summary>The due time of the latest occurrence posted, per schedule key.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastRuns => _lastRuns;

    /// <summary>Runs until cancelled, re-reading the behaviours each round so a new generation takes effect.</summary>
    public async Task RunAsync(Func<BehaviourSet> behaviours, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            var wake = now + Recheck;
            foreach (var schedule in behaviours().Schedules)
            {
                var due = await RunSafelyAsync(schedule, now, cancellationToken);
                if (due is { } next && next < wake)
                {
                    wake = next;
                }
            }

            var delay = wake - _time.GetUtcNow();
            await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, _time, cancellationToken);
        }
    }

    /// <summary>One schedule's round; a failure is logged and retried next round, never ends the loop.</summary>
    private async Task<DateTimeOffset?> RunSafelyAsync(
        ScheduleRule schedule, DateTimeOffset now, CancellationToken token)
    {
        try
        {
            return await RunDueAsync(schedule, now, token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            BotLog.ScheduleFailed(_logger, ex, _bot, schedule.Key);
            return null;
        }
    }

    /// <summary>One round: posts the schedule if an occurrence is due; returns when the next one is.</summary>
    internal async Task<DateTimeOffset?> RunDueAsync(
        ScheduleRule schedule, DateTimeOffset now, CancellationToken token)
    {
        // A schedule that ran before catches up on an occurrence missed by downtime; a new one starts now,
        // so adding "0 9 * * *" at 09:01 does not post at once.
        var floor = now - CatchUpWindow;
        if (!_lastRuns.TryGetValue(schedule.Key, out var last))
        {
            var firstSeen = _firstSeen.GetOrAdd(schedule.Key, now);
            floor = firstSeen > floor ? firstSeen : floor;
        }
        else if (last > floor)
        {
            floor = last;
        }

        DateTimeOffset? due = null;
        for (var next = schedule.Next(floor); next is { } occurrence && occurrence <= now;)
        {
            due = occurrence;
            next = schedule.Next(occurrence);
        }

        if (due is { } run && await _post(schedule, token))
        {
            _lastRuns[schedule.Key] = run;
            BotLog.SchedulePosted(_logger, _bot, schedule.Key, run);
            Ran?.Invoke();
        }

        return schedule.Next(due ?? floor);
    }
}
