using System.Net;
using SlackOperator.Behaviours;

namespace SlackOperator.Tests.Operator.Behaviours;

public sealed class ForwardUrlPolicyTests
{
    [Theory]
    [InlineData("http://answers")]
    [InlineData("http://answers.team-a")]
    [InlineData("http://answers.team-a.svc:8080/slack")]
    [InlineData("https://answers.team-a.svc.cluster.local/slack")]
    public void Check_ClusterServiceName_Allowed(string url)
    {
        Assert.Null(new ForwardUrlPolicy(false).Check(url));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://api.localhost/")]
    [InlineData("https://hooks.example.com/slack")]
    [InlineData("http://metadata.google.internal/")]
    [InlineData("ftp://files.team-a.svc/")]
    [InlineData("http://user:secret@answers.team-a.svc/")]
    [InlineData("answers.team-a.svc")]
    public void Check_NotAClusterService_Refused(string url)
    {
        Assert.NotNull(new ForwardUrlPolicy(false).Check(url));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost:8080/")]
    public void Check_LoopbackAllowed_Allowed(string url)
    {
        Assert.Null(new ForwardUrlPolicy(true).Check(url));
    }

    [Fact]
    public void Check_LoopbackAllowedButMetadataAddress_Refused()
    {
        Assert.NotNull(new ForwardUrlPolicy(true).Check("http://169.254.169.254/"));
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    public void IsAllowedAddress_ForbiddenAddress_False(string address)
    {
        Assert.False(new ForwardUrlPolicy(false).IsAllowedAddress(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.96.0.12")]
    [InlineData("fd00::12")]
    public void IsAllowedAddress_ClusterAddress_True(string address)
    {
        Assert.True(new ForwardUrlPolicy(false).IsAllowedAddress(IPAddress.Parse(address)));
    }
}
