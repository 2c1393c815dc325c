using System.Text;

namespace SlackOperator.Emulators.Kubernetes.Tests.Kubectl;

public sealed class KubectlSecretTests : KubectlTestBase
{
    [Fact]
    public async Task CreateSecretGeneric_FromFile_StoresBase64Data()
    {
        await File.WriteAllTextAsync(Path.Combine(Session.Directory, "slack-token"), "xoxb-123\n");

        var created = await Kubectl.SucceedAsync("create", "secret", "generic", "slack-token",
            "--from-file=slack-token");
        var data = await Kubectl.SucceedAsync("get", "secret", "slack-token", "-o", "jsonpath={.data.slack-token}");
        var type = await Kubectl.SucceedAsync("get", "secret", "slack-token", "-o", "jsonpath={.type}");

        Assert.Equal("secret/slack-token created\n", created);
        Assert.Equal("xoxb-123\n", Encoding.UTF8.GetString(Convert.FromBase64String(data)));
        Assert.Equal("Opaque", type);
    }

    [Fact]
    public async Task GetSecrets_OneSecret_ShowsTypeAndDataCount()
    {
        await Kubectl.SucceedAsync("create", "secret", "generic", "two", "--from-literal=a=1", "--from-literal=b=2");

        var table = await Kubectl.SucceedAsync("get", "secrets");

        Assert.Matches(@"^NAME\s+TYPE\s+DATA\s+AGE\ntwo\s+Opaque\s+2\s+\d+s\n$", table);
    }

    [Fact]
    public async Task Apply_ChangedSecret_StrategicMergePatchUpdatesData()
    {
        var first = await Kubectl.SucceedAsync("apply", "-f", "secret.yaml");
        var same = await Kubectl.SucceedAsync("apply", "-f", "secret.yaml");

        var changed = await Kubectl.SucceedAsync("apply", "-f", "secret-changed.yaml");

        Assert.Equal("secret/app-token created\n", first);
        Assert.Equal("secret/app-token configured\n", same);
        Assert.Equal("secret/app-token configured\n", changed);
        var data = await Kubectl.SucceedAsync("get", "secret", "app-token", "-o", "jsonpath={.data.app-token}");
        Assert.Equal("xapp-1-second", Encoding.UTF8.GetString(Convert.FromBase64String(data)));
        Assert.Contains(Session.Emulator.Requests, r => r is { Verb: "patch", Resource: "secrets", StatusCode: 200 });
    }

    [Fact]
    public async Task CreateNamespaceAndConfigMap_Protobuf_Accepted()
    {
        await Kubectl.SucceedAsync("create", "namespace", "bots");
        await Kubectl.SucceedAsync("create", "configmap", "settings", "-n", "bots", "--from-literal=mode=socket");

        var value = await Kubectl.SucceedAsync("get", "configmap", "settings", "-n", "bots",
            "-o", "jsonpath={.data.mode}");
        var namespaces = await Kubectl.SucceedAsync("get", "namespaces");

        Assert.Equal("socket", value);
        Assert.Matches(@"bots\s+Active\s+\d+s", namespaces);
    }

    [Fact]
    public async Task CreateSecret_MissingNamespace_NotFound()
    {
        var result = await Kubectl.RunAsync("create", "secret", "generic", "x", "--from-literal=a=b", "-n", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: failed to create secret namespaces \"nope\" not found\n", result.Stderr);
    }
}
