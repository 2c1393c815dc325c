using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Validation;

/// <summary>
/// The invalid-manifest corpus through the first two checks: <c>kubectl apply</c> against the API server with the
/// generated CRD, then, for what the schema cannot tell, the operator's own validation.
/// </summary>
[Collection(OperatorCollection.Name)]
public sealed class ApiServerValidationTests(OperatorEnvironment env)
{
    public static TheoryData<string> ApiRejected => InvalidManifest.Names(api: true);

    public static TheoryData<string> OperatorRejected => InvalidManifest.Names(api: false);

    [Theory]
    [MemberData(nameof(ApiRejected))]
    public async Task KubectlApply_StructurallyInvalid_RejectedNamingTheField(string name)
    {
        var manifest = InvalidManifest.Named(name);
        var ns = manifest.Namespace("api");
        await env.CreateNamespaceAsync(ns);

        var (code, stdout, stderr) = await env.Kubectl.RunAsync("-n", ns, "apply", "-f", manifest.Path);

        Assert.True(code != 0, $"kubectl apply accepted {name}: {stdout}");
        Assert.True(stderr.Contains(manifest.Expect, StringComparison.Ordinal),
            $"kubectl did not say \"{manifest.Expect}\":\n{stderr}");
    }

    [Theory]
    [MemberData(nameof(OperatorRejected))]
    public async Task KubectlApply_OnlyTheOperatorCanTell_Accepted(string name)
    {
        var manifest = InvalidManifest.Named(name);
        var ns = manifest.Namespace("accepted");
        await env.CreateNamespaceAsync(ns);

        var stdout = await env.Kubectl.OkAsync("-n", ns, "apply", "-f", manifest.Path);

        Assert.Contains("slackbot.slackoperator.io/invalid created", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OperatorRejected))]
    public async Task Operator_AppliedInvalidSpec_ReadyFalseInvalidSpecNamingTheField(string name)
    {
        var manifest = InvalidManifest.Named(name);
        var ns = manifest.Namespace("op");
        await env.CreateNamespaceAsync(ns);
        await env.Kubectl.OkAsync("-n", ns, "apply", "-f", manifest.Path);

        var bot = await env.WaitForConditionAsync(ns, "invalid", "Ready", c => c.Reason == "InvalidSpec");

        var ready = bot.Status!.Conditions!.Single(c => c.Type == "Ready");
        Assert.Equal("False", ready.Status);
        Assert.Contains(manifest.Expect, ready.Message, StringComparison.Ordinal);
        Assert.Equal(bot.Metadata.Generation, bot.Status.ObservedGeneration);
    }
}
