using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Entities;

/// <summary>Adds an emoji reaction to messages that match.</summary>
public sealed class ReactBehaviour
{
    /// <summary>Which messages get the reaction.</summary>
    [Required]
    [Description("Which messages get this reaction.")]
    public MessageMatch When { get; set; } = new();

    /// <summary>The emoji's name.</summary>
    [Required]
    [MaxLength(100)]
    [RegularExpression("^:?[a-z0-9_+'-]+:?$")]
    [Description("The emoji's name, with or without colons, e.g. wave or :tada:.")]
    public string Emoji { get; set; } = string.Empty;
}
