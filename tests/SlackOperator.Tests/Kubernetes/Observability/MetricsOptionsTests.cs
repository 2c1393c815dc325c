using SlackOperator.Kubernetes.Observability;

namespace SlackOperator.Tests.Kubernetes.Observability;

public sealed class MetricsOptionsTests
{
    [Fact]
    public void ToConfiguration_BothFlags_MapsToMetricsSection()
    {
        var settings = MetricsOptions.ToConfiguration(9090, "127.0.0.1");

        Assert.Equal([new("Metrics:Port", "9090"), new("Metrics:BindAddress", "127.0.0.1")], settings);
    }

    [Fact]
    public void ToConfiguration_NoFlags_LeavesDefaults()
    {
        Assert.Empty(MetricsOptions.ToConfiguration(null, null));
    }

    [Fact]
    public void Defaults_NothingSet_AllInterfacesOnPort8080()
    {
        var options = new MetricsOptions();

        Assert.Equal(("0.0.0.0", 8080), (options.BindAddress, options.Port));
    }

    [Theory]
    [InlineData("0.0.0.0", true)]
    [InlineData("::", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("localhost", false)]
    [InlineData("", false)]
    public void HasValidBindAddress_Address_TrueForIpAddressesOnly(string address, bool valid)
    {
        Assert.Equal(valid, new MetricsOptions { BindAddress = address }.HasValidBindAddress);
    }
}
