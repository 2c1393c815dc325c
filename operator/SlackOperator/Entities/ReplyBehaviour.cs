using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Entities;

/// <summary>Answers messages that match.</summary>
public sealed class ReplyBehaviour
{
    /// <summary>Which messages to answer.</summary>
    [Required]
    [Description("Which messages get this reply.")]
    public MessageMatch When { get; set; } = new();

    /// <summary>The reply template.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(4000)]
    [Description("The reply. {{user}} mentions the author, {{channel}} links the channel.")]
    public string Text { get; set; } = string.Empty;

    /// <summary>Reply in a thread under the message.</summary>
    [Description("Reply in a thread under the message instead of in the channel.")]
    public bool? InThread { get; set; }
}
