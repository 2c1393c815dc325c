using SlackOperator.Emulators.Slack.SocketMode;
using SlackOperator.Emulators.Slack.State;
using SlackOperator.Emulators.Slack.WebApi;

namespace SlackOperator.Emulators.Slack;

/// <summary>Faults a test can inject into the emulator's Web API and Socket Mode.</summary>
public sealed class SlackFaults
{
    private readonly HttpFaults _http;
    private readonly SocketFaultState _sockets;
    private readonly Workspace _workspace;
    private readonly EnvelopeCourier _courier;

    internal SlackFaults(HttpFaults http, SocketFaultState sockets, Workspace workspace, EnvelopeCourier courier)
    {
        _courier = courier;
        _http = http;
        _sockets = sockets;
        _workspace = workspace;
    }

    /// <summary>Ends sockets' TCP connections without a close frame; all apps' when no token is given.</summary>
    /// <returns>How many sockets were dropped.</returns>
    public int DropSockets(string? appToken = null) => _sockets.Drop(AppIdOf(appToken));

    /// <summary>
    /// Makes open sockets half-open, as a dead NAT leaves them: the TCP connection stays up, but Slack's side reads
    /// nothing more (no pong, no ack) and sends nothing more; all apps' sockets when no token is given.
    /// </summary>
    /// <returns>How many sockets were silenced.</returns>
    public int Silence(string? appToken = null) => _sockets.Silence(AppIdOf(appToken));

    /// <summary>Sends <c>warning</c>, <c>refresh_requested</c> or <c>link_disabled</c> to open sockets.</summary>
    /// <returns>How many sockets were told.</returns>
    public int SendDisconnect(string reason, string? appId = null) => _sockets.SendDisconnect(reason, appId);

    /// <summary>While true, new sockets get no hello and therefore no events.</summary>
    public void WithholdHello(bool withhold) => _sockets.WithholdHello = withhold;

    /// <summary>
    /// The next event sent (to any app) has the acknowledgements of its first <paramref name="count"/> deliveries
    /// ignored, as if lost with a dropped socket, so Slack sends it again with <c>retry_attempt</c> 1, 2...
    /// </summary>
    public void LoseAcks(int count) => _courier.LoseAcksOfNextEvent(count);

    /// <summary>The next <paramref name="count"/> calls of a method get HTTP 429 with Retry-After.</summary>
    public void RateLimitNext(string method, int count, int retryAfterSeconds) =>
        _http.RateLimitNext(method, count, retryAfterSeconds);

    /// <summary>The next <paramref name="count"/> calls of a method fail with the given HTTP status.</summary>
    public void FailNext(string method, int count, int statusCode) => _http.FailNext(method, count, statusCode);

    internal int DropSocketsOfApp(string? appId) => _sockets.Drop(appId);

    private string? AppIdOf(string? appToken)
    {
        if (appToken is null)
        {
            return null;
        }

        return _workspace.FindAppByToken(appToken)?.Info.AppId
            ?? throw new ArgumentException("No app holds that token.", nameof(appToken));
    }
}
