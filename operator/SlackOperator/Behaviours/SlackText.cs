namespace SlackOperator.Behaviours;

/// <summary>Slack mrkdwn helpers.</summary>
internal static class SlackText
{
    /// <summary>
    /// Escapes the three characters Slack treats as control characters, so user text placed into a reply cannot
    /// become a mention such as &lt;!channel&gt;.
    /// </summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Undoes Slack's escaping of incoming text, so patterns written by people ("a &amp; b") match what was typed.
    /// </summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
}
