using System.Text.Json.Nodes;

namespace SlackOperator.Bench;

/// <summary>
/// The workspace of both scenarios: each channel holds the load user and the one bot that owns it (channel c
/// belongs to bot c mod bots). For the operator, each SlackBot lists its channels with a reply rule that answers
/// the trigger word in the message's thread, so each reply names the message it answers.
/// </summary>
internal sealed class OperatorLoadSetup(LoadPlan plan, int concurrency) : IBenchSetup
{
    private int _bots = 1;

    public string UserId { get; private set; } = "";

    public async Task AfterAppsAsync(SlackControl slack, IReadOnlyList<string> botUserIds, CancellationToken ct)
    {
        _bots = botUserIds.Count;
        UserId = await slack.AddUserAsync(LoadPlan.UserName, ct);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Channels), parallel, async (i, token) =>
            await slack.AddChannelAsync(LoadPlan.ChannelName(i), [botUserIds[i % botUserIds.Count], UserId], token));
    }

    public JsonObject SlackBot(string ns, string name, string secretName, int index)
    {
        var bot = Manifests.SlackBot(ns, name, secretName);
        var channels = Enumerable.Range(0, plan.Channels).Where(c => c % _bots == index).Select(c =>
            (JsonNode)new JsonObject
            {
                ["name"] = LoadPlan.ChannelName(c),
                ["behaviours"] = new JsonArray(new JsonObject
                {
                    ["reply"] = new JsonObject
                    {
                        ["when"] = new JsonObject { ["contains"] = LoadPlan.Trigger },
                        ["text"] = "pong",
                        ["inThread"] = true,
                    },
                }),
            });
        bot["spec"]!["channels"] = new JsonArray([.. channels]);
        return bot;
    }
}
