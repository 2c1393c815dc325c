using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Slack.SocketMode;

/// <summary>
/// Keeps one app's Socket Mode link alive: opens it with the app token, acknowledges every envelope before
/// handling it, replaces the socket on refresh requests without a gap, reconnects with jittered backoff, and
/// stops for good when Slack refuses the token or disables the link.
/// </summary>
public sealed class SocketModeConnection
{
    private readonly ISlackWebApi _api;
    private readonly SlackClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _appToken;
    private readonly ISocketModeHandler _handler;
    private readonly EventDeduplicator _seen = new();
    private ChannelDispatcher _events = null!;
    private ConnectionStatus _status;

    public SocketModeConnection(
        ISlackWebApi api, SlackClientOptions options, TimeProvider time, ILogger logger, string appToken,
        ISocketModeHandler handler)
    {
        _api = api;
        _options = options;
        _time = time;
        _logger = logger;
        _appToken = appToken;
        _handler = handler;
        _status = new ConnectionStatus(ConnectionState.Connecting, time.GetUtcNow(), 0, null);
    }

    /// <summary>The latest status; also pushed to <see cref="ISocketModeHandler.OnStatusChanged"/>.</summary>
    public ConnectionStatus Status => Volatile.Read(ref _status);

    /// <summary>Runs until cancelled or until Slack makes further attempts pointless.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Handlers outlive the socket by a grace period: an event already acknowledged to Slack will not be
        // redelivered, so stopping must let its reply go out rather than cancel it.
        using var handlersStop = new CancellationTokenSource();
        _events = new ChannelDispatcher(_options.MaxConcurrentHandlers, _handler.HandleEventAsync,
            (slackEvent, ex) => SocketModeLog.HandlerFailed(_logger, ex, slackEvent.EventId), handlersStop.Token);
        try
        {
            await ConnectLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SetStatus(ConnectionState.Stopped, Status.LastError);
        }
        finally
        {
            handlersStop.CancelAfter(_options.HandlerDrainTimeout);
            await _events.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task ConnectLoopAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; !cancellationToken.IsCancellationRequested; attempt++)
        {
            OpenOutcome opened;
            try
            {
                opened = await OpenSessionAsync(cancellationToken).ConfigureAwait(false);
                if (opened.Session is not null)
                {
                    attempt = -1;
                    SetStatus(ConnectionState.Connected, null);
                    SocketModeLog.Connected(_logger);
                    opened = await RunSessionsAsync(opened.Session, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever else breaks a socket must not end the loop silently while the status still says
                // Connected: it counts as a lost link and is retried like one.
                SocketModeLog.Unexpected(_logger, ex);
                opened = OpenOutcome.Transient(new SlackError(SlackError.TransportCode, ex.GetType().Name));
            }

            cancellationToken.ThrowIfCancellationRequested();

            if (opened.IsTerminal)
            {
                SetStatus(ConnectionState.Failed, opened.Error);
                SocketModeLog.Failed(_logger, opened.Error!.ToString());
                return;
            }

            var delay = Backoff.FullJitter(Math.Max(attempt, 0), _options.InitialReconnectDelay,
                _options.MaxReconnectDelay);
            var wasConnected = Status.State == ConnectionState.Connected;
            SetStatus(wasConnected || Status.State == ConnectionState.Reconnecting
                ? ConnectionState.Reconnecting : ConnectionState.Connecting, opened.Error, wasConnected);
            SocketModeLog.Lost(_logger, opened.Error?.ToString() ?? "closed", delay);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Pumps a session; on a refresh request opens the next one before letting the old one go.</summary>
    private async Task<OpenOutcome> RunSessionsAsync(SocketModeSession session, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var pumpStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var refresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var pump = PumpAsync(session, refresh, pumpStop.Token);
            OpenOutcome? next = null;
            OpenOutcome ended;
            try
            {
                if (await Task.WhenAny(pump, refresh.Task).ConfigureAwait(false) == refresh.Task)
                {
                    next = await OpenSessionAsync(cancellationToken).ConfigureAwait(false);
                    if (next.Session is not null)
                    {
                        await pumpStop.CancelAsync().ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                // Also when stopping interrupts the opening of a replacement: the old socket is closed, not leaked.
                ended = await pump.ConfigureAwait(false);
                await session.DisposeAsync().ConfigureAwait(false);
            }

            if (next?.Session is null)
            {
                return ended;
            }

            session = next.Session;
        }
    }

    private async Task<OpenOutcome> PumpAsync(
        SocketModeSession session, TaskCompletionSource refresh, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var message = await session.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                if (message is null)
                {
                    return OpenOutcome.Transient(new SlackError(SlackError.TransportCode, "socket closed by Slack"));
                }

                if (message.Type == "disconnect" && message.Reason == "link_disabled")
                {
                    return OpenOutcome.Terminal(new SlackError("link_disabled", "Socket Mode was turned off"));
                }

                if (message.Type == "disconnect")
                {
                    SocketModeLog.Refreshing(_logger, message.Reason ?? "unknown");
                    refresh.TrySetResult();
                    continue;
                }

                await DispatchAsync(session, message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return OpenOutcome.Transient(null);
        }
        catch (WebSocketException ex)
        {
            return OpenOutcome.Transient(new SlackError(SlackError.TransportCode, ex.WebSocketErrorCode.ToString()));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Ends this socket (the caller disposes it) rather than the whole connection loop.
            SocketModeLog.Unexpected(_logger, ex);
            return OpenOutcome.Transient(new SlackError(SlackError.TransportCode, ex.GetType().Name));
        }
    }

    private async Task DispatchAsync(SocketModeSession session, SocketModeMessage message, CancellationToken token)
    {
        if (message.EnvelopeId is not null)
        {
            await session.AcknowledgeAsync(message.EnvelopeId, token).ConfigureAwait(false);
        }

        var slackEvent = message.ToEvent();
        if (slackEvent is null)
        {
            return;
        }

        if (!_seen.TryRegister(slackEvent.EventId))
        {
            SocketModeLog.Duplicate(_logger, slackEvent.EventId, slackEvent.RetryAttempt);
            return;
        }

        _events.TryPost(slackEvent);
    }

    private async Task<OpenOutcome> OpenSessionAsync(CancellationToken cancellationToken)
    {
        var url = await _api.OpenConnectionAsync(_appToken, cancellationToken).ConfigureAwait(false);
        if (!url.IsOk)
        {
            // A token without connections:write stays without it until a person changes the app: final too.
            return url.Error.IsAuthFailure || url.Error.Code == "missing_scope"
                ? OpenOutcome.Terminal(url.Error)
                : OpenOutcome.Transient(url.Error);
        }

        try
        {
            var session = await SocketModeSession.ConnectAsync(url.Value, _options, cancellationToken)
                .ConfigureAwait(false);
            return new OpenOutcome(session, null, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return OpenOutcome.Transient(new SlackError(SlackError.TimeoutCode, "no hello within the timeout"));
        }
        catch (WebSocketException ex)
        {
            return OpenOutcome.Transient(new SlackError(SlackError.TransportCode, ex.WebSocketErrorCode.ToString()));
        }
        catch (SocketRefusedException ex)
        {
            // Too many sockets may free up; link_disabled here is as final as on an open socket.
            return ex.Error.Code == "link_disabled" ? OpenOutcome.Terminal(ex.Error) : OpenOutcome.Transient(ex.Error);
        }
    }

    private void SetStatus(ConnectionState state, SlackError? error, bool lost = false)
    {
        var current = Status;
        var since = current.State == state ? current.Since : _time.GetUtcNow();
        var next = new ConnectionStatus(state, since, current.Reconnects + (lost ? 1 : 0), error);
        Volatile.Write(ref _status, next);
        if (next != current)
        {
            _handler.OnStatusChanged(next);
        }
    }

    private sealed record OpenOutcome(SocketModeSession? Session, SlackError? Error, bool IsTerminal)
    {
        public static OpenOutcome Transient(SlackError? error) => new(null, error, false);

        public static OpenOutcome Terminal(SlackError error) => new(null, error, true);
    }
}
