using System.Globalization;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Behaviours;

/// <summary>
/// A schedule posting for real: the schedule sample, applied with kubectl but set to every minute, waited for in
/// the Slack emulator. This takes up to a minute of wall-clock time, so the class has an environment of its own
/// (a class fixture) and no [Collection] attribute: xunit puts it in a test collection of its own, and
/// collections run in parallel, so the wait overlaps the other classes instead of adding to the run.
/// </summary>
public sealed class ScheduleEndToEndTests(OperatorEnvironment env) : IClassFixture<OperatorEnvironment>
{
    private const string Channel = "standup";

    [Fact]
    public async Task Schedule_EveryMinute_PostsNextOccurrenceOnceAndRecordsLastRun()
    {
        var app = await env.ApplySampleAsync("schedule.yaml", "standupbot", Channel, adapt: manifest => manifest
            .Replace("\"0 9 * * MON-FRI\"", "\"* * * * *\"", StringComparison.Ordinal));
        var ready = DateTimeOffset.UtcNow;
        var occurrence = NextMinute(ready);

        // The next minute starts at most 60 s from now; the post may take a few seconds more.
        var waitFor = occurrence - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        Assert.InRange(waitFor, TimeSpan.Zero, TimeSpan.FromSeconds(70));
        var post = await env.Slack.WaitForBotMessageAsync(Channel,
            m => m.User == app.BotUserId && Time(m.Ts) >= occurrence, waitFor);

        var channelId = env.Slack.GetMessages(Channel)[0].Channel;
        Assert.Equal($"Good morning <#{channelId}>! What did you do yesterday, what is next, anything blocking?",
            post.Text);
        var bot = await Eventually.MatchAsync(() => env.GetBotAsync("sample-schedule", "standupbot"),
            b => b.Status?.Schedules is [{ LastRun: { } last }] && Utc(last) >= occurrence.UtcDateTime,
            TimeSpan.FromSeconds(10), b => string.Join(", ", b.Status?.Schedules?.Select(s => $"{s}") ?? []));
        var schedule = Assert.Single(bot.Status!.Schedules!);
        Assert.Equal("spec.channels[0].behaviours[0]", schedule.Behaviour);
        Assert.Equal(occurrence.UtcDateTime, Utc(schedule.LastRun!.Value));

        // Exactly one post for that occurrence: any post for it falls before the next minute starts. Before it
        // there may be the catch-up of the minute the bot started in, but never two posts in one minute.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var posts = env.Slack.GetMessages(Channel).Where(m => m.User == app.BotUserId).Select(m => Time(m.Ts))
            .ToList();
        Assert.Single(posts, t => t >= occurrence && t < occurrence.AddMinutes(1));
        var earlier = posts.Where(t => t < occurrence).GroupBy(t => t.ToUnixTimeSeconds() / 60).ToList();
        Assert.All(earlier, minute => Assert.Single(minute));
        Assert.InRange(earlier.Count, 0, 2);
    }

    private static DateTimeOffset NextMinute(DateTimeOffset time) =>
        new DateTimeOffset(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero).AddMinutes(1);

    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;

    private static DateTimeOffset Time(string ts) => DateTimeOffset.UnixEpoch.AddTicks(
        (long)(double.Parse(ts, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
}
