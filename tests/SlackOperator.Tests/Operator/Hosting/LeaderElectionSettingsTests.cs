using SlackOperator.Hosting;

namespace SlackOperator.Tests.Operator.Hosting;

public sealed class LeaderElectionSettingsTests
{
    [Fact]
    public void ToConfiguration_FlagFalse_DisablesLeaderElection()
    {
        var settings = LeaderElectionSettings.ToConfiguration(false).ToList();

        Assert.Equal([new("LeaderElection:Enabled", "false")], settings);
    }

    [Fact]
    public void ToConfiguration_FlagAbsent_LeavesTheEnvironmentInCharge()
    {
        var settings = LeaderElectionSettings.ToConfiguration(null);

        Assert.Empty(settings);
    }
}
