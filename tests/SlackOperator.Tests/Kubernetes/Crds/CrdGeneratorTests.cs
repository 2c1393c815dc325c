using k8s;
using k8s.Models;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Crds;

namespace SlackOperator.Tests.Kubernetes.Crds;

public sealed class CrdGeneratorTests
{
    [Fact]
    public void Generate_SlackBot_IsNamespacedWithItsNames()
    {
        var crd = CreateSut();

        var names = crd.Spec.Names;
        Assert.Equal(
            "slackbots.slackoperator.io Namespaced SlackBot SlackBotList slackbots slackbot",
            $"{crd.Metadata.Name} {crd.Spec.Scope} {names.Kind} {names.ListKind} {names.Plural} {names.Singular}");
    }

    [Fact]
    public void Generate_SlackBot_HasShortNameSb()
    {
        var crd = CreateSut();

        Assert.Equal(["sb"], crd.Spec.Names.ShortNames);
    }

    [Fact]
    public void Generate_SlackBot_HasStatusSubresource()
    {
        var crd = CreateSut();

        Assert.NotNull(Version(crd).Subresources?.Status);
    }

    [Fact]
    public void Generate_SlackBot_ServesAndStoresV1Alpha1()
    {
        var crd = CreateSut();

        var version = Version(crd);
        Assert.Equal(("v1alpha1", true, true), (version.Name, version.Served, version.Storage));
    }

    [Fact]
    public void Generate_SlackBot_HasPrinterColumnsInDeclaredOrder()
    {
        var crd = CreateSut();

        var columns = Version(crd).AdditionalPrinterColumns.Select(c => $"{c.Name}:{c.Type}:{c.JsonPath}");
        Assert.Equal(
        [
            """Ready:string:.status.conditions[?(@.type=="Ready")].status""",
            """Reason:string:.status.conditions[?(@.type=="Ready")].reason""",
            "Team:string:.status.bot.team",
            "Bot:string:.status.bot.name",
            "Channels:string:.status.channelSummary",
            "Age:date:.metadata.creationTimestamp",
        ], columns);
    }

    [Fact]
    public void Generate_SlackBot_RequiresSpec()
    {
        var crd = CreateSut();

        Assert.Equal(["spec"], Root(crd).Required);
    }

    [Fact]
    public void Generate_Spec_RequiresTheBotTokenOnlyAsTheModeDecidesTheRest()
    {
        var crd = CreateSut();

        Assert.Equal(["botToken"], Spec(crd).Required);
        Assert.Equal("SocketMode", Spec(crd).Properties["mode"].DefaultProperty?.ToString());
    }

    [Fact]
    public void Generate_SecretKeyRef_RequiresNameAndKey()
    {
        var crd = CreateSut();

        var selector = Spec(crd).Properties["botToken"].Properties["secretKeyRef"];
        Assert.Equal(["name", "key"], selector.Required);
    }

    [Fact]
    public void Generate_ReplyBehaviour_RequiresWhenAndText()
    {
        var crd = CreateSut();

        var reply = Items(Spec(crd).Properties["behaviours"]).Properties["reply"];
        Assert.Equal(["when", "text"], reply.Required);
    }

    [Fact]
    public void Generate_BehaviourSpec_OneOfRequiresEachKindAlone()
    {
        var crd = CreateSut();

        var behaviour = Items(Spec(crd).Properties["behaviours"]);
        var oneOf = behaviour.OneOf.Select(option => string.Join("+", option.Required));
        Assert.Equal(["reply", "react", "welcome", "schedule", "forward"], oneOf);
    }

    [Fact]
    public void Generate_ChannelBehaviours_HaveSameOneOf()
    {
        var crd = CreateSut();

        var behaviour = Items(Items(Spec(crd).Properties["channels"]).Properties["behaviours"]);
        Assert.Equal(["reply", "react", "welcome", "schedule", "forward"],
            behaviour.OneOf.Select(option => string.Join("+", option.Required)));
    }

    [Fact]
    public void Generate_MessageMatch_NamesEqualToEquals()
    {
        var crd = CreateSut();

        var when = Items(Spec(crd).Properties["behaviours"]).Properties["reply"].Properties["when"];
        Assert.Equal(["contains", "equals", "matches", "mention", "from", "ignoreCase"], when.Properties.Keys);
        Assert.Equal(["contains", "equals", "matches", "mention"],
            when.OneOf.Select(o => string.Join("+", o.Required)));
    }

    [Fact]
    public void Generate_JsonIgnoredProperty_LeftOut()
    {
        var crd = CreateSut();

        var channel = Items(Spec(crd).Properties["channels"]);
        Assert.DoesNotContain("display", channel.Properties.Keys);
    }

    [Fact]
    public void Generate_Spec_EveryPropertyHasDescription()
    {
        var crd = CreateSut();

        Assert.Empty(PropertiesWithoutDescription(Spec(crd), "spec"));
    }

    [Fact]
    public void Generate_Status_EveryPropertyHasDescription()
    {
        var crd = CreateSut();

        Assert.Empty(PropertiesWithoutDescription(Root(crd).Properties["status"], "status"));
    }

    [Fact]
    public void Generate_LengthLimits_BecomeMaxLengthAndMaxItems()
    {
        var crd = CreateSut();

        var channels = Spec(crd).Properties["channels"];
        Assert.Equal((100L, 80L), (channels.MaxItems, Items(channels).Properties["name"].MaxLength));
    }

    [Fact]
    public void Generate_ClusterScopedEntityWithoutStatus_HasClusterScopeAndNoSubresource()
    {
        var crd = CrdGenerator.Generate(typeof(ClusterThing));

        Assert.Equal(("Cluster", null), (crd.Spec.Scope, Version(crd).Subresources));
    }

    private static V1CustomResourceDefinition CreateSut() => CrdGenerator.Generate(typeof(SlackBot));

    private static V1CustomResourceDefinitionVersion Version(V1CustomResourceDefinition crd) =>
        Assert.Single(crd.Spec.Versions);

    private static V1JSONSchemaProps Root(V1CustomResourceDefinition crd) => Version(crd).Schema.OpenAPIV3Schema;

    private static V1JSONSchemaProps Spec(V1CustomResourceDefinition crd) => Root(crd).Properties["spec"];

    private static V1JSONSchemaProps Items(V1JSONSchemaProps array) => Assert.IsType<V1JSONSchemaProps>(array.Items);

    private static List<string> PropertiesWithoutDescription(V1JSONSchemaProps schema, string path)
    {
        var missing = new List<string>();
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            var propertyPath = $"{path}.{name}";
            if (string.IsNullOrWhiteSpace(property.Description))
            {
                missing.Add(propertyPath);
            }

            missing.AddRange(PropertiesWithoutDescription(property, propertyPath));
            if (property.Items is V1JSONSchemaProps items)
            {
                missing.AddRange(PropertiesWithoutDescription(items, propertyPath + "[]"));
            }
        }

        return missing;
    }

    [KubernetesEntity(Group = "test.io", ApiVersion = "v1", Kind = "ClusterThing", PluralName = "clusterthings")]
    [ClusterScoped]
    private sealed class ClusterThing : IKubernetesObject<V1ObjectMeta>
    {
        public string ApiVersion { get; set; } = "test.io/v1";

        public string Kind { get; set; } = "ClusterThing";

        public V1ObjectMeta Metadata { get; set; } = new();

        public Dictionary<string, string> Spec { get; set; } = [];
    }
}
