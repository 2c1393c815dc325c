using System.Text;
using System.Text.RegularExpressions;

namespace SlackOperator.Behaviours;

/// <summary>
/// A reply template: <c>{{user}}</c> becomes a mention of the author, <c>{{channel}}</c> a link to the channel,
/// <c>{{1}}</c> or <c>{{name}}</c> a capture group of <c>matches</c>. Captured user text is escaped, so it cannot
/// turn into <c>&lt;!channel&gt;</c> or another mention.
/// </summary>
internal sealed partial class MessageTemplate
{
    private readonly string _template;

    public MessageTemplate(string template) => _template = template;

    /// <summary>The variables a template uses, for validation.</summary>
    public static IEnumerable<string> Variables(string template) =>
        VariablePattern().Matches(template).Select(m => m.Groups["name"].Value);

    public string Render(string? userId, string channelId, MatchResult match)
    {
        var output = new StringBuilder(_template.Length + 32);
        var last = 0;
        foreach (Match variable in VariablePattern().Matches(_template))
        {
            output.Append(_template, last, variable.Index - last);
            output.Append(Value(variable.Groups["name"].Value, userId, channelId, match) ?? variable.Value);
            last = variable.Index + variable.Length;
        }

        return output.Append(_template, last, _template.Length - last).ToString();
    }

    private static string? Value(string name, string? userId, string channelId, MatchResult match) => name switch
    {
        "user" => userId is null ? "there" : $"<@{userId}>",
        "channel" => $"<#{channelId}>",
        _ => match.Captures.TryGetValue(name, out var captured) ? SlackText.Escape(captured) : null,
    };

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex VariablePattern();
}
