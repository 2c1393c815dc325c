using System.Text.Json.Nodes;

namespace SlackOperator.Bench;

/// <summary>Lets a run other than the controller benchmark shape the workspace and the SlackBots it creates.
/// </summary>
internal interface IBenchSetup
{
    /// <summary>Called once the Slack apps exist, with their bot user ids by bot index.</summary>
    Task AfterAppsAsync(SlackControl slack, IReadOnlyList<string> botUserIds, CancellationToken ct);

    /// <summary>The SlackBot for bot <paramref name="index"/>.</summary>
    JsonObject SlackBot(string ns, string name, string secretName, int index);
}
