using System.Collections.Concurrent;
using System.Security.Cryptography;
using SlackOperator.Emulators.Slack.WebApi;

namespace SlackOperator.Emulators.Slack.SocketMode;

/// <summary>Single-use tickets for Socket Mode URLs, as apps.connections.open hands them out.</summary>
internal sealed class TicketBook : ITicketIssuer
{
    private readonly ConcurrentDictionary<string, string> _appByTicket = new(StringComparer.Ordinal);

    /// <summary>The emulator's base address, known once Kestrel has bound its port.</summary>
    public Uri? BaseUrl { get; set; }

    public Uri IssueLink(string appId)
    {
        var root = BaseUrl ?? throw new InvalidOperationException("The emulator has not started.");
        var ticket = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _appByTicket[ticket] = appId;
        var socketRoot = new UriBuilder(root) { Scheme = "ws" }.Uri;
        return new Uri(socketRoot, $"link/?ticket={ticket}&app_id={appId}");
    }

    /// <summary>Consumes a ticket; null when it is unknown or was used already.</summary>
    public string? Redeem(string? ticket) =>
        ticket is not null && _appByTicket.TryRemove(ticket, out var appId) ? appId : null;
}
