using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using SlackOperator.Emulators.Kubernetes.Tests.Http;
using SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

namespace SlackOperator.Emulators.Kubernetes.Tests.Client;

/// <summary>The operator's own client library must be able to talk to the emulator.</summary>
public sealed class KubernetesClientTests : HttpTestBase
{
    private const string Group = "slackoperator.io";
    private const string Version = "v1alpha1";
    private const string Plural = "slackbots";

    [Fact]
    public async Task ListNamespace_Seeded_ReturnsDefaultNamespaces()
    {
        using var client = CreateClient();

        var namespaces = await client.CoreV1.ListNamespaceAsync();

        Assert.Equal(["default", "kube-public", "kube-system"], namespaces.Items.Select(n => n.Metadata.Name));
    }

    [Fact]
    public async Task CustomObject_CreateThenPatchStatus_StatusStored()
    {
        using var client = CreateClient();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(TestObjects.Bot("a"), Group, Version, "default",
            Plural);

        var patch = new V1Patch("""{"status":{"observedGeneration":1}}""", V1Patch.PatchType.MergePatch);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(patch, Group, Version, "default", Plural,
            "a");

        var stored = (JsonElement)await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, "default",
            Plural, "a");
        Assert.Equal(1, stored.GetProperty("status").GetProperty("observedGeneration").GetInt32());
    }

    [Fact]
    public async Task Watch_WithBookmarks_DeliversEvents()
    {
        using var client = CreateClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonElement>(Group, Version, "default",
            Plural, cancellationToken: cts.Token);
        var rv = list.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        var events = client.CustomObjects.WatchListNamespacedCustomObjectAsync(Group, Version, "default", Plural,
            allowWatchBookmarks: true, resourceVersion: rv, cancellationToken: cts.Token);
        await Api.CreateBotAsync("a");

        await foreach (var (type, item) in events)
        {
            Assert.Equal(WatchEventType.Added, type);
            var element = Assert.IsType<JsonElement>(item);
            Assert.Equal("a", element.GetProperty("metadata").GetProperty("name").GetString());
            break;
        }
    }

    [Fact]
    public async Task Secret_CreateWithStringData_ReadBackAsData()
    {
        using var client = CreateClient();
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "s" },
            StringData = new Dictionary<string, string> { ["token"] = "xoxb-1" },
        };

        await client.CoreV1.CreateNamespacedSecretAsync(secret, "default");

        var stored = await client.CoreV1.ReadNamespacedSecretAsync("s", "default");
        Assert.Equal("xoxb-1", System.Text.Encoding.UTF8.GetString(stored.Data["token"]));
        Assert.Null(stored.StringData);
    }

    [Fact]
    public async Task Lease_ReplaceWithStaleVersion_ThrowsConflict()
    {
        using var client = CreateClient();
        var lease = await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "leader" },
            Spec = new V1LeaseSpec { HolderIdentity = "a" },
        }, "default");
        lease.Spec.HolderIdentity = "b";
        await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", "default");

        lease.Spec.HolderIdentity = "c";
        var error = await Assert.ThrowsAsync<HttpOperationException>(
            () => client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", "default"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
    }

    [Fact]
    public async Task Event_Create_ListedByInvolvedObject()
    {
        using var client = CreateClient();
        await client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "a.1" },
            InvolvedObject = new V1ObjectReference { Kind = "SlackBot", Name = "a", NamespaceProperty = "default" },
            Reason = "Connected",
            Message = "ok",
            Type = "Normal",
            EventTime = DateTime.UtcNow,
            ReportingComponent = "slack-operator",
            ReportingInstance = "pod-1",
            Action = "Connect",
        }, "default");

        var events = await client.CoreV1.ListNamespacedEventAsync("default",
            fieldSelector: "involvedObject.name=a,involvedObject.kind=SlackBot");

        Assert.Equal("Connected", Assert.Single(events.Items).Reason);
    }

    private IKubernetes CreateClient()
    {
        var path = Path.Combine(Session.Directory, "client-kubeconfig");
        Emulator.WriteKubeconfig(path);
        return new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path));
    }
}
