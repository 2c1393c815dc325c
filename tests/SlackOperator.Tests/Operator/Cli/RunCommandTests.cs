using SlackOperator.Cli;

namespace SlackOperator.Tests.Operator.Cli;

public sealed class RunCommandTests
{
    [Theory]
    [InlineData("--leader-elect=false", false)]
    [InlineData("--leader-elect", true)]
    [InlineData("--leader-elect=true", true)]
    public void Create_LeaderElectFlag_ParsesItsValue(string flag, bool expected)
    {
        var parse = RunCommand.Create().Parse(["--kubeconfig", "k", flag]);

        Assert.Empty(parse.Errors);
        Assert.Equal(expected, parse.GetValue<bool?>("--leader-elect"));
    }

    [Fact]
    public void Create_NoLeaderElectFlag_LeavesItUnset()
    {
        var parse = RunCommand.Create().Parse(["--kubeconfig", "k"]);

        Assert.Null(parse.GetValue<bool?>("--leader-elect"));
    }
}
