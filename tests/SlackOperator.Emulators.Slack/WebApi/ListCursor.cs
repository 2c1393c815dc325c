using System.Text;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>Opaque pagination cursors in Slack's style: base64 of "kind:id" naming the next item.</summary>
internal static class ListCursor
{
    private const string Prefix = "channel:";

    public static string Encode(string nextId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + nextId));

    /// <summary>The index to start at; null when the cursor is not one this emulator issued.</summary>
    public static int? Decode(string? cursor, IReadOnlyList<string> ids)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        var bytes = new byte[cursor.Length];
        if (!Convert.TryFromBase64String(cursor, bytes, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        var index = text.StartsWith(Prefix, StringComparison.Ordinal) ? IndexOf(ids, text[Prefix.Length..]) : -1;
        return index < 0 ? null : index;
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        return -1;
    }
}
