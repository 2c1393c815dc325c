using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Entities;

/// <summary>One key of one Secret in the SlackBot's namespace.</summary>
public sealed class SecretKeySelector
{
    /// <summary>The Secret's name.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(253)]
    [Description("The Secret's name, in the SlackBot's own namespace.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The key within the Secret's data.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(253)]
    [Description("The key in the Secret's data, e.g. slack-token for a Secret made with --from-file=slack-token.")]
    public string Key { get; set; } = string.Empty;
}
