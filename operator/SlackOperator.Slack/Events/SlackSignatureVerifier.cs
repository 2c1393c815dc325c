using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SlackOperator.Slack.Events;

/// <summary>
/// Checks Slack's request signature (<c>X-Slack-Signature</c>, version v0): an HMAC-SHA256 of
/// <c>v0:{timestamp}:{body}</c> with the app's signing secret, compared in constant time, and a timestamp no more
/// than five minutes from now so a captured request cannot be replayed later.
/// </summary>
public sealed class SlackSignatureVerifier
{
    /// <summary>How far the request's timestamp may be from the local clock.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _time;

    public SlackSignatureVerifier(TimeProvider time) => _time = time;

    /// <summary>True when the signature matches the body and the timestamp is recent.</summary>
    public bool IsValid(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (timestamp is null || signature is null || !signature.StartsWith("v0=", StringComparison.Ordinal)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if ((_time.GetUtcNow() - sent).Duration() > MaxClockSkew)
        {
            return false;
        }

        var expected = Sign(signingSecret, timestamp, body);
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The <c>v0=…</c> signature Slack would send for this body, as ASCII bytes.</summary>
    public static byte[] Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message);
        return Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(mac));
    }
}
