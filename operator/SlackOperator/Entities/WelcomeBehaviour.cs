using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Entities;

/// <summary>Greets members who join the channel.</summary>
public sealed class WelcomeBehaviour
{
    /// <summary>The greeting template.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(4000)]
    [Description("The greeting posted in the channel when someone joins. {{user}} mentions them, {{channel}} " +
        "links the channel.")]
    public string Text { get; set; } = string.Empty;
}
