using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace SlackOperator.Entities;

/// <summary>A condition on a message's text. Set one of contains or equals.</summary>
public sealed class MessageMatch
{
    /// <summary>Matches when the text contains this.</summary>
    [MaxLength(1000)]
    [Description("Matches when the message text contains this string.")]
    public string? Contains { get; set; }

    /// <summary>Matches when the whole text is this, surrounding whitespace ignored.</summary>
    [MaxLength(1000)]
    [JsonPropertyName("equals")]
    [Description("Matches when the whole message text equals this string (surrounding whitespace ignored).")]
    public string? EqualTo { get; set; }

    /// <summary>Compare case-insensitively (the default).</summary>
    [Description("Compare ignoring case; true unless set to false.")]
    public bool? IgnoreCase { get; set; }
}
