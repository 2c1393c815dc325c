using System.Security.Cryptography;

namespace SlackOperator.Emulators.Slack.State;

/// <summary>Makes Slack-shaped ids: a type letter, then upper-case letters and digits.</summary>
internal static class IdFactory
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>A readable id derived from a name, such as U0ALICE, unless <paramref name="taken"/> says no.</summary>
    public static string FromName(char prefix, string name, Func<string, bool> taken)
    {
        var letters = new string([.. name.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).Take(12)]);
        var candidate = $"{prefix}0{letters}";
        return letters.Length > 0 && !taken(candidate) ? candidate : Random(prefix, taken);
    }

    public static string Random(char prefix, Func<string, bool>? taken = null)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var id = prefix + RandomNumberGenerator.GetString(Alphabet, 10);
            if (taken is null || !taken(id))
            {
                return id;
            }
        }

        throw new InvalidOperationException("Could not find a free id.");
    }
}
