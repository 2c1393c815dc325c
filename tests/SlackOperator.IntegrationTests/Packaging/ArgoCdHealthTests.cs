using System.Text.Json;
using System.Text.Json.Nodes;
using SlackOperator.Entities;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Packaging;

/// <summary>
/// docs/argocd/slackbot-health.lua against SlackBots the operator itself brought into each state, read back with
/// kubectl exactly as Argo CD would see them.
/// </summary>
[Collection(OperatorCollection.Name)]
public sealed class ArgoCdHealthTests(OperatorEnvironment env)
{
    private static readonly string Script = File.ReadAllText(RepoPaths.Of("docs", "argocd", "slackbot-health.lua"));

    [Fact]
    public async Task HealthScript_ReadyBot_HealthyButProgressingOnceTheSpecMovesAhead()
    {
        await BotAsync("argo-ready", "readybot", suspend: false, revoke: false);
        await env.WaitForConditionAsync("argo-ready", "readybot", "Ready", c => c.Status == "True");
        var live = await LiveAsync("argo-ready", "readybot");
        var ahead = JsonNode.Parse(live.GetRawText())!;
        ahead["metadata"]!["generation"] = ahead["metadata"]!["generation"]!.GetValue<long>() + 1;

        Assert.Equal(("Healthy", "Ready"), Head(LuaHealthCheck.Run(Script, live)));
        var (status, message) = LuaHealthCheck.Run(Script, JsonSerializer.SerializeToElement(ahead));
        Assert.Equal("Progressing", status);
        Assert.Contains("generation", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthScript_RefusedToken_DegradedWithTheConditionMessage()
    {
        await BotAsync("argo-auth", "authbot", suspend: false, revoke: true);
        var bot = await env.WaitForConditionAsync("argo-auth", "authbot", "Stalled", c => c.Status == "True");

        var (status, message) = LuaHealthCheck.Run(Script, await LiveAsync("argo-auth", "authbot"));

        Assert.Equal("Degraded", status);
        Assert.Contains(bot.Status!.Conditions!.Single(c => c.Type == "Stalled").Message!, message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthScript_SuspendedBot_Suspended()
    {
        await BotAsync("argo-suspend", "sleepybot", suspend: true, revoke: false);
        await env.WaitForConditionAsync("argo-suspend", "sleepybot", "Ready", c => c.Reason == "Suspended");

        Assert.Equal("Suspended", LuaHealthCheck.Run(Script, await LiveAsync("argo-suspend", "sleepybot")).Status);
    }

    [Fact]
    public async Task HealthScript_HelloWithheld_ProgressingWhileConnecting()
    {
        env.Slack.Faults.WithholdHello(true);
        try
        {
            await BotAsync("argo-connect", "slowbot", suspend: false, revoke: false);
            await env.WaitForConditionAsync("argo-connect", "slowbot", "Reconciling", c => c.Status == "True");

            var (status, message) = LuaHealthCheck.Run(Script, await LiveAsync("argo-connect", "slowbot"));

            Assert.Equal("Progressing", status);
            Assert.StartsWith("Connecting", message, StringComparison.Ordinal);
        }
        finally
        {
            env.Slack.Faults.WithholdHello(false);
        }
    }

    [Fact]
    public void ArgoCdConfigMap_Snippet_CarriesTheScriptUnchanged()
    {
        var configMap = k8s.KubernetesYaml.Deserialize<k8s.Models.V1ConfigMap>(
            File.ReadAllText(RepoPaths.Of("docs", "argocd", "argocd-cm.yaml")));

        Assert.Equal(Script, configMap.Data["resource.customizations.health.slackoperator.io_SlackBot"]);
    }

    private static (string, string) Head((string Status, string Message) health) =>
        (health.Status, health.Message.Split(':')[0]);

    private async Task<JsonElement> LiveAsync(string ns, string name) =>
        JsonDocument.Parse(await env.Kubectl.OkAsync("-n", ns, "get", "slackbot", name, "-o", "json")).RootElement;

    private async Task BotAsync(string ns, string name, bool suspend, bool revoke)
    {
        var app = env.Slack.AddApp(name);
        env.Slack.AddChannelMember("general", app.BotUserId);
        if (revoke)
        {
            env.Slack.RevokeToken(app.BotToken);
        }

        await env.CreateNamespaceAsync(ns);
        await env.CreateSecretAsync(ns, "bot", "token", app.BotToken);
        await env.CreateSecretAsync(ns, "app", "token", app.AppToken);
        var spec = OperatorEnvironment.Spec("bot", "token", "app", "token", new ChannelSpec { Name = "general" });
        spec.Suspend = suspend;
        await env.CreateBotAsync(ns, name, spec);
    }
}
