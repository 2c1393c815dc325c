namespace SlackOperator.Emulators.Kubernetes.Tests.Kubectl;

public sealed class KubectlCrdTests : KubectlTestBase
{
    [Fact]
    public async Task ApplyAndWait_NewCrd_CreatedAndEstablished()
    {
        var applied = await Kubectl.SucceedAsync("apply", "-f", "crd.yaml");
        var waited = await Kubectl.SucceedAsync("wait", "--for=condition=Established",
            "crd/slackbots.slackoperator.io", "--timeout=20s");

        Assert.Equal("customresourcedefinition.apiextensions.k8s.io/slackbots.slackoperator.io created\n", applied);
        Assert.Equal("customresourcedefinition.apiextensions.k8s.io/slackbots.slackoperator.io condition met\n",
            waited);
    }

    [Fact]
    public async Task Apply_SameCrdTwice_SecondIsUnchanged()
    {
        await Kubectl.SucceedAsync("apply", "-f", "crd.yaml");

        var second = await Kubectl.SucceedAsync("apply", "-f", "crd.yaml");

        Assert.Equal("customresourcedefinition.apiextensions.k8s.io/slackbots.slackoperator.io unchanged\n", second);
    }

    [Fact]
    public async Task Apply_ChangedCrd_PatchedAndConfigured()
    {
        await Kubectl.SucceedAsync("apply", "-f", "crd.yaml");

        var second = await Kubectl.SucceedAsync("apply", "-f", "crd-labelled.yaml");

        Assert.Equal("customresourcedefinition.apiextensions.k8s.io/slackbots.slackoperator.io configured\n",
            second);
        Assert.Contains(Session.Emulator.Requests, r => r is
            { Verb: "patch", Resource: "customresourcedefinitions", StatusCode: 200 });
        var label = await Kubectl.SucceedAsync("get", "crd", "slackbots.slackoperator.io",
            "-o", "jsonpath={.metadata.labels.app\\.kubernetes\\.io/part-of}");
        Assert.Equal("slack-operator", label);
    }

    [Fact]
    public async Task GetCrds_Installed_ShowsCreatedAtColumn()
    {
        await Kubectl.SucceedAsync("apply", "-f", "crd.yaml");

        var table = await Kubectl.SucceedAsync("get", "crds");

        Assert.Matches(@"^NAME\s+CREATED AT\nslackbots\.slackoperator\.io\s+\d{4}-\d\d-\d\dT", table);
    }

    [Fact]
    public async Task Explain_SlackBotSpec_ShowsFieldDescriptions()
    {
        await Kubectl.SucceedAsync("apply", "-f", "crd.yaml");

        var explained = await Kubectl.SucceedAsync("explain", "slackbot.spec");

        Assert.Contains("KIND:       SlackBot", explained);
        Assert.Contains("What the bot should do.", explained);
        Assert.Matches(@"botToken\s+<Object> -required-\n\s+Where the bot token \(xoxb-\) is stored\.", explained);
        Assert.Contains("Channels the bot joins and serves.", explained);
    }

    [Fact]
    public async Task Explain_NestedField_ShowsItsDescription()
    {
        await Kubectl.SucceedAsync("apply", "-f", "crd.yaml");

        var explained = await Kubectl.SucceedAsync("explain", "slackbot.spec.botToken.secretKeyRef.name");

        Assert.Contains("Name of the Secret.", explained);
    }
}
