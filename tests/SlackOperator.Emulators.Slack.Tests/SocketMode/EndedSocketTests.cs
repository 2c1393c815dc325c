using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using SlackOperator.Emulators.Slack.SocketMode;

namespace SlackOperator.Emulators.Slack.Tests.SocketMode;

/// <summary>
/// Faults and shutdown act on a snapshot of open sockets, so a socket's request may have ended, and Kestrel
/// recycled its HttpContext, by the time it is aborted or silenced: that must be a no-op, not an exception that
/// fails whoever stops the emulator.
/// </summary>
public sealed class EndedSocketTests
{
    [Fact]
    public void Abort_AfterTheRequestEnded_DoesNothing()
    {
        var socket = EndedSocket();

        var error = Record.Exception(socket.Abort);

        Assert.Null(error);
        Assert.False(socket.IsReady);
    }

    [Fact]
    public void Silence_AfterTheRequestEnded_ReportsNotSilenced()
    {
        var socket = EndedSocket();

        Assert.False(socket.Silence());
    }

    [Fact]
    public void RecycledContext_ThrowsObjectDisposed_WhichIsThePremiseOfTheseTests()
    {
        var context = RecycledContext();

        Assert.Throws<ObjectDisposedException>(context.Abort);
    }

    private static SocketConnection EndedSocket()
    {
        using var stream = new MemoryStream();
        var webSocket = WebSocket.CreateFromStream(stream, isServer: true, subProtocol: null, TimeSpan.Zero);
        var socket = new SocketConnection(1, "A0TEST", webSocket, RecycledContext());
        socket.MarkReady();
        return socket;
    }

    /// <summary>What Kestrel leaves behind once a request completes: a context whose features are gone.</summary>
    private static DefaultHttpContext RecycledContext()
    {
        var context = new DefaultHttpContext();
        context.Uninitialize();
        return context;
    }
}
