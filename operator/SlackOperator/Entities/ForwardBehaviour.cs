using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Entities;

/// <summary>Hands matching messages to an in-cluster service and replies with its answer.</summary>
public sealed class ForwardBehaviour
{
    /// <summary>Which messages to forward.</summary>
    [Required]
    [Description("Which messages are forwarded.")]
    public MessageMatch When { get; set; } = new();

    /// <summary>The service's URL.</summary>
    [Required]
    [MaxLength(2048)]
    [Description("The in-cluster service to POST the message to as JSON, e.g. " +
        "http://answers.team-a.svc.cluster.local:8080/slack. Its text answer becomes the reply.")]
    public string Url { get; set; } = string.Empty;

    /// <summary>How long to wait for the answer.</summary>
    [Range(1, 30)]
    [Description("Seconds to wait for the service's answer (1-30, default 5).")]
    public int? TimeoutSeconds { get; set; }

    /// <summary>Reply in a thread under the message.</summary>
    [Description("Post the answer in a thread under the message instead of in the channel.")]
    public bool? InThread { get; set; }
}
