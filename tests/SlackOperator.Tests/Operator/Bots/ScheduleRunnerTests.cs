using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SlackOperator.Behaviours;
using SlackOperator.Bots;
using SlackOperator.Entities;

namespace SlackOperator.Tests.Operator.Bots;

/// <summary>
/// <see cref="ScheduleRunner"/> round by round on fake time: each round is what the loop does when it wakes
/// (at least every 30 s, or at the next occurrence).
/// </summary>
public sealed class ScheduleRunnerTests
{
    private const string Key = "spec.channels[0].behaviours[0]";

    private static readonly TimeSpan Round = TimeSpan.FromSeconds(30);

    private readonly List<DateTimeOffset> _postedAt = [];
    private FakeTimeProvider _time = new();

    [Fact]
    public async Task RunDue_EveryFiveMinutesForAnHour_PostsEachOccurrenceOnce()
    {
        var runner = CreateSut(At("2026-06-01T09:59:50Z"));

        await RunRoundsAsync(runner, Rule("*/5 * * * *"), At("2026-06-01T11:00:30Z"));

        // 10:00, 10:05, ... 11:00: thirteen occurrences.
        Assert.Equal(13, _postedAt.Count);
        Assert.Equal(13, _postedAt.Select(t => t.ToUnixTimeSeconds() / 300).Distinct().Count());
        Assert.Equal(At("2026-06-01T11:00:00Z"), runner.LastRuns[Key]);
    }

    [Fact]
    public async Task RunDue_SpringForwardSkipsTheTime_PostsOnceWhenClocksMovedOn()
    {
        // Europe/Berlin jumps from 02:00 to 03:00 on 2026-03-29; Cronos posts the skipped 02:30 at 03:00 CEST.
        var runner = CreateSut(At("2026-03-28T23:00:00Z"));

        await RunRoundsAsync(runner, Rule("30 2 * * *", "Europe/Berlin"), At("2026-03-29T03:00:00Z"));

        Assert.Equal([At("2026-03-29T01:00:00Z")], runner.LastRuns.Values);
        Assert.Single(_postedAt);
    }

    [Fact]
    public async Task RunDue_FallBackRepeatsTheTime_PostsOnceAtTheFirst()
    {
        // On 2026-10-25 Berlin's 02:00-03:00 happens twice (CEST, then CET); 02:30 is posted once, in CEST.
        var runner = CreateSut(At("2026-10-24T22:00:00Z"));

        await RunRoundsAsync(runner, Rule("30 2 * * *", "Europe/Berlin"), At("2026-10-25T03:00:00Z"));

        Assert.Equal([At("2026-10-25T00:30:00Z")], runner.LastRuns.Values);
        Assert.Single(_postedAt);
    }

    [Fact]
    public async Task RunDue_FallBackDayBeforeTheChange_PostsOnce()
    {
        var runner = CreateSut(At("2026-10-24T22:00:00Z"));

        await RunRoundsAsync(runner, Rule("30 1 * * *", "Europe/Berlin"), At("2026-10-25T03:00:00Z"));

        Assert.Equal([At("2026-10-24T23:30:00Z")], runner.LastRuns.Values);
        Assert.Single(_postedAt);
    }

    [Fact]
    public async Task RunDue_LastRunThreeDaysAgoRestartWithinWindow_PostsOnlyTheLatestOccurrence()
    {
        var runner = CreateSut(At("2026-06-04T10:01:00Z"), lastRun: At("2026-06-01T10:00:00Z"));

        await runner.RunDueAsync(Rule("0 * * * *"), _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal([At("2026-06-04T10:01:00Z")], _postedAt);
        Assert.Equal(At("2026-06-04T10:00:00Z"), runner.LastRuns[Key]);
    }

    [Fact]
    public async Task RunDue_LastRunThreeDaysAgoRestartAfterWindow_PostsNothing()
    {
        var runner = CreateSut(At("2026-06-04T10:05:00Z"), lastRun: At("2026-06-01T10:00:00Z"));

        var next = await runner.RunDueAsync(Rule("0 * * * *"), _time.GetUtcNow(), CancellationToken.None);

        Assert.Empty(_postedAt);
        Assert.Equal(At("2026-06-04T11:00:00Z"), next);
    }

    [Fact]
    public async Task RunDue_RestartAfterOccurrenceWasPosted_DoesNotRepeatIt()
    {
        var runner = CreateSut(At("2026-06-04T10:01:00Z"), lastRun: At("2026-06-04T10:00:00Z"));

        await RunRoundsAsync(runner, Rule("0 * * * *"), At("2026-06-04T10:59:30Z"));

        Assert.Empty(_postedAt);
    }

    [Fact]
    public async Task RunDue_PostFailed_RetriedNextRoundAndRecordedOnce()
    {
        var failures = 1;
        _time = new FakeTimeProvider(At("2026-06-01T09:59:50Z"));
        var runner = new ScheduleRunner("ns/bot", _time, NullLogger.Instance, (_, _) =>
        {
            _postedAt.Add(_time.GetUtcNow());
            return Task.FromResult(failures-- <= 0);
        }, new Dictionary<string, DateTimeOffset>());

        await RunRoundsAsync(runner, Rule("0 * * * *"), At("2026-06-01T10:03:00Z"));

        Assert.Equal([At("2026-06-01T10:00:20Z"), At("2026-06-01T10:00:50Z")], _postedAt);
        Assert.Equal(At("2026-06-01T10:00:00Z"), runner.LastRuns[Key]);
    }

    [Fact]
    public async Task RunDue_NewScheduleAddedJustAfterAnOccurrence_WaitsForTheNextOne()
    {
        var runner = CreateSut(At("2026-06-01T09:01:00Z"));

        await RunRoundsAsync(runner, Rule("0 9 * * *"), At("2026-06-01T09:10:00Z"));

        Assert.Empty(_postedAt);
    }

    private ScheduleRunner CreateSut(DateTimeOffset now, DateTimeOffset? lastRun = null)
    {
        _time = new FakeTimeProvider(now);
        var previous = lastRun is { } run
            ? new Dictionary<string, DateTimeOffset> { [Key] = run }
            : new Dictionary<string, DateTimeOffset>();
        return new ScheduleRunner("ns/bot", _time, NullLogger.Instance, (_, _) =>
        {
            _postedAt.Add(_time.GetUtcNow());
            return Task.FromResult(true);
        }, previous);
    }

    private async Task RunRoundsAsync(ScheduleRunner runner, ScheduleRule rule, DateTimeOffset until)
    {
        while (_time.GetUtcNow() <= until)
        {
            await runner.RunDueAsync(rule, _time.GetUtcNow(), CancellationToken.None);
            _time.Advance(Round);
        }
    }

    private static ScheduleRule Rule(string cron, string? zone = null) =>
        new(Key, "C0GENERAL", new ScheduleBehaviour { Cron = cron, TimeZone = zone, Text = "standup" });

    private static DateTimeOffset At(string iso) =>
        DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
