using SlackOperator.Kubernetes.LeaderElection;

namespace SlackOperator.Hosting;

/// <summary>The <c>--leader-elect</c> flag of <c>slack-operator run</c>, mapped onto configuration keys.</summary>
internal static class LeaderElectionSettings
{
    /// <summary>Nothing when the flag is absent, so <c>LeaderElection__Enabled</c> in the environment counts.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ToConfiguration(bool? leaderElect)
    {
        if (leaderElect is { } enabled)
        {
            yield return new($"{LeaderElectionOptions.SectionName}:{nameof(LeaderElectionOptions.Enabled)}",
                enabled ? "true" : "false");
        }
    }
}
