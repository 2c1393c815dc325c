using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Entities;

/// <summary>Posts a message on a cron schedule.</summary>
public sealed class ScheduleBehaviour
{
    /// <summary>When to post, as a five-field cron expression or a macro.</summary>
    [Required]
    [MaxLength(100)]
    [Description("When to post: a five-field cron expression (minute hour day-of-month month day-of-week), " +
        "e.g. \"0 9 * * MON-FRI\", or a macro: @hourly, @daily, @weekly, @monthly, @yearly.")]
    public string Cron { get; set; } = string.Empty;

    /// <summary>The IANA time zone the cron expression is read in.</summary>
    [MaxLength(64)]
    [Description("The IANA time zone the cron expression is read in, e.g. Europe/Berlin; UTC when empty.")]
    public string? TimeZone { get; set; }

    /// <summary>The text to post.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(4000)]
    [Description("The message to post. {{channel}} links the channel.")]
    public string Text { get; set; } = string.Empty;
}
