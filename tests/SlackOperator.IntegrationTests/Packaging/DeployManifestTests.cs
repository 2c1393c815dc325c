using k8s.Models;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Packaging;

/// <summary>deploy/ and its namespaced overlay, rendered by the real kubectl, hold what issue 6 asks of them.</summary>
public sealed class DeployManifestTests
{
    [Fact]
    public async Task Base_Rendered_RunsTwoHardenedReplicasWithProbesAndAMetricsService()
    {
        var manifests = await RenderedManifests.RenderAsync("deploy");

        var deployment = manifests.Single<V1Deployment>("slack-operator");
        var pod = deployment.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("slack-operator", pod.ServiceAccountName);
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.Equal(("/healthz", "metrics"), (container.LivenessProbe.HttpGet.Path,
            container.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal(("/readyz", "metrics"), (container.ReadinessProbe.HttpGet.Path,
            container.ReadinessProbe.HttpGet.Port.Value));
        Assert.Equal(8080, Assert.Single(container.Ports, p => p.Name == "metrics").ContainerPort);
        Assert.All(new[] { "cpu", "memory" }, r => Assert.Contains(r, container.Resources.Requests.Keys));
        Assert.Contains("memory", container.Resources.Limits.Keys);
        var service = manifests.Single<V1Service>("slack-operator-metrics");
        Assert.Equal("metrics", Assert.Single(service.Spec.Ports).TargetPort.Value);
        Assert.All(service.Spec.Selector, s => Assert.Equal(s.Value, deployment.Spec.Template.Metadata.Labels[s.Key]));
        Assert.Single(manifests.OfType<V1Namespace>(), n => n.Metadata.Name == "slack-operator");
        Assert.Single(manifests.OfType<V1CustomResourceDefinition>(),
            c => c.Metadata.Name == "slackbots.slackoperator.io");
    }

    [Fact]
    public async Task NamespacedOverlay_Rendered_GrantsTheClusterRoleRulesInItsNamespaceOnly()
    {
        var cluster = await RenderedManifests.RenderAsync("deploy");
        var namespaced = await RenderedManifests.RenderAsync("deploy", "overlays", "namespaced");

        Assert.Empty(namespaced.OfType<V1ClusterRole>());
        Assert.Empty(namespaced.OfType<V1ClusterRoleBinding>());
        Assert.Empty(namespaced.OfType<V1CustomResourceDefinition>());
        Assert.Empty(namespaced.OfType<V1Namespace>());
        var role = namespaced.Single<V1Role>("slack-operator");
        Assert.Equal(Rules(cluster.Single<V1ClusterRole>("slack-operator").Rules), Rules(role.Rules));
        var container = namespaced.Single<V1Deployment>("slack-operator").Spec.Template.Spec.Containers[0];
        Assert.Contains("--namespace=$(POD_NAMESPACE)", container.Args);
        Assert.Equal("metadata.namespace",
            container.Env.Single(e => e.Name == "POD_NAMESPACE").ValueFrom.FieldRef.FieldPath);
        Assert.Contains(namespaced.OfType<V1RoleBinding>(), b => b.RoleRef.Name == "slack-operator"
            && b.Subjects.Any(s => s.Name == "slack-operator"
                && s.NamespaceProperty == role.Metadata.NamespaceProperty));
    }

    [Fact]
    public void DeployCrds_ComparedWithCrds_AreTheSameFiles()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Of("crds"), "*.yaml"))
        {
            var copy = RepoPaths.Of("deploy", "base", "crds", Path.GetFileName(file));
            Assert.True(File.Exists(copy) && File.ReadAllText(copy) == File.ReadAllText(file),
                $"{copy} differs from {file}; run `make crds`");
        }
    }

    private static List<string> Rules(IEnumerable<V1PolicyRule> rules) =>
    [
        .. rules.Select(r => string.Join(' ', string.Join(',', r.ApiGroups), string.Join(',', r.Resources),
            string.Join(',', r.Verbs), string.Join(',', r.ResourceNames ?? []))),
    ];
}
