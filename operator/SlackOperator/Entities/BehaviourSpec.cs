using System.ComponentModel;
using SlackOperator.Kubernetes.Crds;

namespace SlackOperator.Entities;

/// <summary>One thing the bot does. Exactly one kind is set.</summary>
[ExactlyOneOf]
[Description("One behaviour; set exactly one of its fields.")]
public sealed class BehaviourSpec
{
    /// <summary>Reply to matching messages.</summary>
    [Description("Reply to messages that match.")]
    public ReplyBehaviour? Reply { get; set; }
}
