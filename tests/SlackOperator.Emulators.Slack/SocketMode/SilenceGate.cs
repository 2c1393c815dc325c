using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SlackOperator.Emulators.Slack.SocketMode;

/// <summary>
/// Sits between Kestrel and one TCP connection so the emulator can make it half-open, as a dead NAT would: once
/// engaged, bytes from the peer are taken off the wire and dropped (so WebSocket pings get no pong and acks are
/// never read), nothing more is written, and the server's attempts to end the connection never reach the peer.
/// The TCP connection ends only when the peer closes it or the emulator stops.
/// </summary>
internal sealed class SilenceGate : Stream
{
    private readonly Stream _input;
    private readonly Stream _output;
    private volatile bool _silent;

    private SilenceGate(IDuplexPipe transport)
    {
        _input = transport.Input.AsStream(leaveOpen: true);
        _output = transport.Output.AsStream(leaveOpen: true);
    }

    public bool IsSilent => _silent;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Puts every connection of the listener behind a gate, found later through the request's features.
    /// </summary>
    public static void Install(ListenOptions listen) => listen.Use(next => connection =>
        RunAsync(next, connection, listen.ApplicationServices.GetService<IHostApplicationLifetime>()));

    /// <summary>Silences the TCP connection that carries <paramref name="context"/>; false without a gate.</summary>
    public static bool Engage(HttpContext context)
    {
        var gate = context.Features.Get<SilenceGate>();
        if (gate is null)
        {
            return false;
        }

        gate._silent = true;
        return true;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var read = await _input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0 || !_silent)
            {
                return read;
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _silent ? ValueTask.CompletedTask : _output.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _silent ? Task.CompletedTask : _output.FlushAsync(cancellationToken);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static async Task RunAsync(
        ConnectionDelegate next, ConnectionContext connection, IHostApplicationLifetime? lifetime)
    {
        var transport = connection.Transport;
        var gate = new SilenceGate(transport);

        // A silenced connection ignores the server's aborts, so it ends when the emulator stops.
        using var stopping = lifetime?.ApplicationStopping.Register(() =>
        {
            if (gate.IsSilent)
            {
                connection.Abort();
            }
        });
        connection.Features.Set(gate);
        var gated = new GatedConnection(connection, gate, new DuplexPipe(
            PipeReader.Create(gate, new StreamPipeReaderOptions(leaveOpen: true)),
            PipeWriter.Create(gate, new StreamPipeWriterOptions(leaveOpen: true))));
        try
        {
            await next(gated).ConfigureAwait(false);
            if (gate.IsSilent)
            {
                // The server gave up on the socket, but the peer must not learn it: hold the connection open.
                await DrainUntilPeerLeavesAsync(transport.Input, connection.ConnectionClosed).ConfigureAwait(false);
            }
        }
        finally
        {
            await transport.Input.CompleteAsync().ConfigureAwait(false);
            await transport.Output.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static async Task DrainUntilPeerLeavesAsync(PipeReader input, CancellationToken closed)
    {
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(closed).ConfigureAwait(false);
                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ConnectionResetException
            or InvalidOperationException)
        {
            // The peer left or the server is stopping: the TCP connection can end now.
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    /// <summary>The connection as Kestrel's HTTP layer sees it: a silenced one ignores aborts.</summary>
    private sealed class GatedConnection(ConnectionContext inner, SilenceGate gate, IDuplexPipe transport)
        : ConnectionContext
    {
        public override string ConnectionId
        {
            get => inner.ConnectionId;
            set => inner.ConnectionId = value;
        }

        public override IFeatureCollection Features => inner.Features;

        public override IDictionary<object, object?> Items
        {
            get => inner.Items;
            set => inner.Items = value;
        }

        public override IDuplexPipe Transport { get; set; } = transport;

        public override CancellationToken ConnectionClosed
        {
            get => inner.ConnectionClosed;
            set => inner.ConnectionClosed = value;
        }

        public override EndPoint? LocalEndPoint
        {
            get => inner.LocalEndPoint;
            set => inner.LocalEndPoint = value;
        }

        public override EndPoint? RemoteEndPoint
        {
            get => inner.RemoteEndPoint;
            set => inner.RemoteEndPoint = value;
        }

        public override void Abort(ConnectionAbortedException abortReason)
        {
            if (!gate.IsSilent)
            {
                inner.Abort(abortReason);
            }
        }

        public override void Abort()
        {
            if (!gate.IsSilent)
            {
                inner.Abort();
            }
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
