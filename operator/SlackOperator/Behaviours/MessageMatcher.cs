using System.Text.RegularExpressions;
using SlackOperator.Entities;
using SlackOperator.Slack.Events;

namespace SlackOperator.Behaviours;

/// <summary>
/// A compiled <see cref="MessageMatch"/>. Regular expressions run on .NET's non-backtracking engine, so no
/// pattern can take exponential time, and are compiled once per generation.
/// </summary>
internal sealed class MessageMatcher
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly string? _contains;
    private readonly string? _equals;
    private readonly Regex? _regex;
    private readonly bool _mention;
    private readonly HashSet<string>? _from;
    private readonly StringComparison _comparison;

    public MessageMatcher(MessageMatch spec)
    {
        var ignoreCase = spec.IgnoreCase != false;
        _contains = spec.Contains;
        _equals = spec.EqualTo?.Trim();
        _regex = spec.Matches is null ? null : CreateRegex(spec.Matches, ignoreCase);
        _mention = spec.Mention == true;
        _from = spec.From is { Count: > 0 } from ? [.. from] : null;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    /// <summary>Builds the regex as matching will; throws <see cref="ArgumentException"/> when invalid.</summary>
    public static Regex CreateRegex(string pattern, bool ignoreCase) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant
            | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None), RegexTimeout);

    /// <summary>The match, or null when the message does not satisfy the condition.</summary>
    public MatchResult? Match(MessageEvent message, string botUserId)
    {
        if (_from is not null && (message.User is null || !_from.Contains(message.User)))
        {
            return null;
        }

        if (_mention)
        {
            return Mentions(message.Text, botUserId) ? MatchResult.Plain : null;
        }

        var text = SlackText.Unescape(message.Text);

        if (_contains is not null)
        {
            return text.Contains(_contains, _comparison) ? MatchResult.Plain : null;
        }

        if (_equals is not null)
        {
            return string.Equals(text.Trim(), _equals, _comparison) ? MatchResult.Plain : null;
        }

        return _regex is null ? null : MatchRegex(_regex, text);
    }

    /// <summary>
    /// A mention is Slack markup in the raw text, <c>&lt;@U123&gt;</c> or <c>&lt;@U123|name&gt;</c>; a user who
    /// types those characters sends them escaped, so the raw text is searched, never the unescaped one.
    /// </summary>
    private static bool Mentions(string rawText, string botUserId) =>
        rawText.Contains($"<@{botUserId}>", StringComparison.Ordinal)
        || rawText.Contains($"<@{botUserId}|", StringComparison.Ordinal);

    private static MatchResult? MatchRegex(Regex regex, string text)
    {
        Match match;
        try
        {
            match = regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        if (!match.Success)
        {
            return null;
        }

        var captures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in regex.GetGroupNames())
        {
            captures[name] = match.Groups[name].Value;
        }

        return new MatchResult(captures);
    }
}
