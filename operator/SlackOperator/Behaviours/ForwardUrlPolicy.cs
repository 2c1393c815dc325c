using System.Net;
using System.Net.Sockets;

namespace SlackOperator.Behaviours;

/// <summary>
/// Which services a <c>forward</c> behaviour may call. By default only cluster-internal service names
/// (<c>svc</c>, <c>svc.cluster.local</c>, <c>name.namespace</c> or a bare name), never an IP literal, and at
/// connect time only a private address (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), whatever a name
/// resolves to: never loopback, link-local (cloud metadata lives there) or the public internet. Loopback can be
/// allowed for local development and tests.
/// </summary>
internal sealed class ForwardUrlPolicy(bool allowLoopback)
{
    /// <summary>Why the URL may not be used, or null when it may.</summary>
    public string? Check(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "must be an absolute http:// or https:// URL";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not carry credentials";
        }

        if (IPAddress.TryParse(uri.IdnHost, out var literal))
        {
            return allowLoopback && IPAddress.IsLoopback(literal)
                ? null
                : "must name a cluster service (e.g. http://answers.team-a.svc.cluster.local), not an IP address";
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal))
        {
            // A bare name passes the cluster-name rule, but localhost would reach the operator's own process.
            return allowLoopback ? null : "must not be localhost: a forward cannot call the operator's own process";
        }

        return CheckHostName(host);
    }

    /// <summary>True when a resolved address may be connected to.</summary>
    public bool IsAllowedAddress(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        // Cluster services live on private addresses; a public one means the name left the cluster.
        return IsPrivate(address);
    }

    private static bool IsPrivate(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return (bytes[0] & 0xFE) == 0xFC;
        }

        return bytes[0] == 10
            || (bytes[0] == 172 && bytes[1] >= 16 && bytes[1] <= 31)
            || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 100 && bytes[1] >= 64 && bytes[1] <= 127);
    }

    private static string? CheckHostName(string host)
    {
        var labels = host.Split('.');
        var internalName = labels.Length <= 2
            || host.EndsWith(".svc", StringComparison.Ordinal)
            || host.EndsWith(".svc.cluster.local", StringComparison.Ordinal);
        return internalName
            ? null
            : $"host {host} is not a cluster service name: use service, service.namespace, " +
              "service.namespace.svc or service.namespace.svc.cluster.local";
    }
}
