using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using SlackOperator.Kubernetes.Crds;

namespace SlackOperator.Entities;

/// <summary>A condition on a message: exactly one of contains, equals, matches or mention, optionally from.</summary>
[ExactlyOneOf("contains", "equals", "matches", "mention")]
[Description("Which messages match: set exactly one of contains, equals, matches or mention; from narrows it.")]
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

    /// <summary>A regular expression the text must match.</summary>
    [MaxLength(1000)]
    [Description("Matches when this regular expression (.NET syntax, run without backtracking) finds a match in " +
        "the text. Capture groups can be used in the reply as {{1}} or {{name}}.")]
    public string? Matches { get; set; }

    /// <summary>Matches messages that @-mention the bot.</summary>
    [Description("When true, matches messages that @-mention the bot.")]
    public bool? Mention { get; set; }

    /// <summary>Only messages from these users.</summary>
    [MaxLength(100)]
    [Description("Only messages from these user ids (e.g. U0123456789) match.")]
    public List<string>? From { get; set; }

    /// <summary>Compare case-insensitively (the default).</summary>
    [Description("Compare ignoring case; true unless set to false.")]
    public bool? IgnoreCase { get; set; }
}
