using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Entities;

/// <summary>Where a token comes from.</summary>
public sealed class TokenSource
{
    /// <summary>The Secret key holding the token.</summary>
    [Required]
    [Description("A key of a Secret in the SlackBot's namespace; surrounding whitespace is ignored.")]
    public SecretKeySelector SecretKeyRef { get; set; } = new();
}
