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

    /// <summary>React to matching messages.</summary>
    [Description("Add an emoji reaction to messages that match.")]
    public ReactBehaviour? React { get; set; }

    /// <summary>Greet people who join.</summary>
    [Description("Greet people who join the channel (only under spec.channels).")]
    public WelcomeBehaviour? Welcome { get; set; }

    /// <summary>Post on a schedule.</summary>
    [Description("Post a message on a cron schedule (only under spec.channels).")]
    public ScheduleBehaviour? Schedule { get; set; }

    /// <summary>Forward to a service.</summary>
    [Description("Forward matching messages to an in-cluster service and reply with its answer.")]
    public ForwardBehaviour? Forward { get; set; }
}
