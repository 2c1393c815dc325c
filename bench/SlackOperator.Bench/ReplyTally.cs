using System.Globalization;
using System.Text.Json.Nodes;

namespace SlackOperator.Bench;

/// <summary>
/// Matches each user message to the bot replies in its thread, from the emulator's stored history. Latency is
/// the difference of the two messages' ts, which the emulator stamps when it stores each (microseconds).
/// </summary>
internal sealed record ReplyTally(int UserMessages, int Answered, int Lost, int Duplicates, int Stray,
    IReadOnlyList<double> LatenciesMs)
{
    public static async Task<ReplyTally> CollectAsync(SlackControl slack, LoadPlan plan, string userId,
        CancellationToken ct)
    {
        var histories = new JsonArray[plan.Channels];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Channels), parallel, async (i, token) =>
            histories[i] = await slack.MessagesAsync(LoadPlan.ChannelName(i), token));

        int users = 0, answered = 0, lost = 0, duplicates = 0, stray = 0;
        var latencies = new List<double>();
        foreach (var history in histories)
        {
            var asked = new Dictionary<string, long>(StringComparer.Ordinal);
            var replies = new Dictionary<string, List<long>>(StringComparer.Ordinal);
            foreach (var message in history.OfType<JsonObject>())
            {
                var ts = message["ts"]?.GetValue<string>() ?? "";
                if (message["bot_id"] is null && message["user"]?.GetValue<string>() == userId)
                {
                    asked[ts] = Micros(ts);
                }
                else if (message["bot_id"] is not null)
                {
                    var parent = message["thread_ts"]?.GetValue<string>() ?? "";
                    if (!replies.TryGetValue(parent, out var list))
                    {
                        replies[parent] = list = [];
                    }

                    list.Add(Micros(ts));
                }
            }

            users += asked.Count;
            foreach (var (ts, postedAt) in asked)
            {
                if (!replies.Remove(ts, out var answers))
                {
                    lost++;
                    continue;
                }

                answered++;
                duplicates += answers.Count - 1;
                latencies.Add((answers.Min() - postedAt) / 1000.0);
            }

            stray += replies.Values.Sum(l => l.Count);
        }

        latencies.Sort();
        return new ReplyTally(users, answered, lost, duplicates, stray, latencies);
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double fraction) => sorted.Count == 0
        ? null
        : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>"1700000000.000123" as microseconds since the epoch.</summary>
    private static long Micros(string ts)
    {
        var dot = ts.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return long.Parse(ts, CultureInfo.InvariantCulture) * 1_000_000;
        }

        var fraction = ts[(dot + 1)..].PadRight(6, '0')[..6];
        return (long.Parse(ts[..dot], CultureInfo.InvariantCulture) * 1_000_000)
            + long.Parse(fraction, CultureInfo.InvariantCulture);
    }
}
