using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using k8s;
using k8s.Models;
using SlackOperator.Kubernetes.Crds;

namespace SlackOperator.Entities;

/// <summary>A Slack bot declared as a Kubernetes resource.</summary>
[KubernetesEntity(Group = "slackoperator.io", ApiVersion = "v1alpha1", Kind = "SlackBot", PluralName = "slackbots")]
[ShortNames("sb")]
[Description("A Slack bot run by SlackOperator: tokens come from Secrets, behaviours are declared per channel.")]
[PrinterColumn("Ready", "string", """.status.conditions[?(@.type=="Ready")].status""",
    Description = "Whether the bot is authenticated, connected and in its channels")]
[PrinterColumn("Reason", "string", """.status.conditions[?(@.type=="Ready")].reason""",
    Description = "Why the bot is or is not ready")]
[PrinterColumn("Team", "string", ".status.bot.team", Description = "The Slack workspace")]
[PrinterColumn("Bot", "string", ".status.bot.name", Description = "The bot user's name")]
[PrinterColumn("Channels", "string", ".status.channelSummary", Description = "Channels joined / declared")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class SlackBot : IKubernetesObject<V1ObjectMeta>, ISpec<SlackBotSpec>, IStatus<SlackBotStatus?>
{
    /// <summary>The API group and version.</summary>
    public const string ApiVersionValue = "slackoperator.io/v1alpha1";

    /// <summary>The kind.</summary>
    public const string KindValue = "SlackBot";

    /// <inheritdoc/>
    public string ApiVersion { get; set; } = ApiVersionValue;

    /// <inheritdoc/>
    public string Kind { get; set; } = KindValue;

    /// <inheritdoc/>
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <inheritdoc/>
    [Required]
    [Description("What the bot is: where its tokens are and what it does in which channels.")]
    public SlackBotSpec Spec { get; set; } = new();

    /// <inheritdoc/>
    [Description("What the operator observed: conditions, the bot's identity, its connection and channels.")]
    public SlackBotStatus? Status { get; set; }
}
