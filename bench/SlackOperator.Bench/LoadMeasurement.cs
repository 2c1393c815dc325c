using System.Diagnostics;

namespace SlackOperator.Bench;

/// <summary>
/// The measured part shared by both scenarios, once every bot is connected: reset the emulator's ack timings,
/// send the load, wait for the replies (bounded by the grace period), then read acks, replies and memory.
/// </summary>
internal static class LoadMeasurement
{
    public static async Task RunAsync(SlackControl slack, string userId, IReadOnlyList<int> botPids, int emulatorPid,
        SlackLoadResult result, Action<string> say, CancellationToken ct)
    {
        var plan = result.Plan;
        result.Processes = botPids.Count;
        result.MemoryIdleMb = MemoryWatch.SumMb(botPids);
        result.LoadAverageBefore = LoadAverage();
        await slack.ResetAckLatencyAsync(ct);
        var before = await slack.LinkTotalsAsync(ct);
        var cpuBefore = MemoryWatch.SumCpuSeconds(botPids);
        var emulatorCpuBefore = ProcStats.CpuSeconds(emulatorPid);
        var memory = new MemoryWatch(botPids);
        await using (memory)
        {
            say($"{result.Name}: sending {plan.Messages} messages at {plan.Rate}/s to {plan.Channels} channels");
            result.Traffic = await MessageTraffic.SendAsync(slack, plan, userId, ct);
            say($"{result.Name}: {result.Traffic.Sent} sent in {result.Traffic.Seconds:0.0} s "
                + $"({result.Traffic.Failed} failed); waiting up to {plan.GraceSeconds} s for replies");
            await WaitForRepliesAsync(slack, before, result.Traffic.Sent, plan.GraceSeconds, ct);
        }

        result.MemoryPeakMb = memory.PeakMb;
        result.CpuSeconds = MemoryWatch.SumCpuSeconds(botPids) - cpuBefore;
        result.EmulatorCpuSeconds = ProcStats.CpuSeconds(emulatorPid) - emulatorCpuBefore;
        result.LoadAverageAfter = LoadAverage();
        var acks = await slack.AckLatencyAsync(ct);
        result.AckCount = acks["count"]?.GetValue<int>() ?? 0;
        result.AckP50Ms = acks["p50_ms"]?.GetValue<double>();
        result.AckP99Ms = acks["p99_ms"]?.GetValue<double>();
        result.AckMaxMs = acks["max_ms"]?.GetValue<double>();
        var after = await slack.LinkTotalsAsync(ct);
        result.Redeliveries = after.Redeliveries - before.Redeliveries;
        result.Reconnects = after.Opened - before.Opened;
        result.Tally = await ReplyTally.CollectAsync(slack, plan, userId, ct);
        say($"{result.Name}: {result.Tally.Answered} answered, {result.Tally.Lost} lost, "
            + $"{result.Tally.Duplicates} duplicate replies");
    }

    /// <summary>
    /// Each message causes two events (the message, then the bot's reply, which reaches the bot itself). The wait
    /// ends when both have been delivered and acknowledged for every message and nothing had to be resent, or
    /// when the grace period is over; the tally then reads the stored history, which is what counts.
    /// </summary>
    private static async Task WaitForRepliesAsync(SlackControl slack, LinkTotals before, int sent, int graceSeconds,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        while (clock.Elapsed < TimeSpan.FromSeconds(graceSeconds))
        {
            var now = await slack.LinkTotalsAsync(ct);
            var events = now.FirstDeliveries - before.FirstDeliveries;
            var acked = now.Acks - before.Acks;
            if (events >= 2 * sent && acked >= events && now.Redeliveries == before.Redeliveries)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    private static string? LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
