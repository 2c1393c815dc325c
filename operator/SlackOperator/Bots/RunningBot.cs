using Microsoft.Extensions.Logging;
using SlackOperator.Behaviours;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Slack.Events;
using SlackOperator.Slack.SocketMode;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Bots;

/// <summary>
/// One live bot: its identity, its Socket Mode connection (or, in Events API mode, the inbox Slack's HTTP
/// requests arrive at), its compiled behaviours and its schedules.
/// Behaviours can be swapped without touching the connection; new tokens need a new <see cref="RunningBot"/>.
/// </summary>
internal sealed class RunningBot : ISocketModeHandler, IAsyncDisposable
{
    private readonly EntityKey _key;
    private readonly ILogger _logger;
    private readonly Action<EntityKey> _onChange;
    private readonly SocketModeConnection? _connection;
    private readonly EventsApiInbox? _inbox;
    private readonly ConnectionStatus _receiving;
    private readonly BehaviourRunner _runner;
    private readonly ScheduleRunner _schedules;
    private readonly CancellationTokenSource _stop = new();
    private BehaviourSet _behaviours = BehaviourSet.Empty;
    private SlackError? _authError;
    private Task _loops = Task.CompletedTask;

    public RunningBot(RunningBotContext context, BotTokens tokens, AuthIdentity identity,
        IReadOnlyDictionary<string, DateTimeOffset> previousRuns)
    {
        _key = context.Key;
        Tokens = tokens;
        Identity = identity;
        _logger = context.Logger;
        _onChange = context.OnChange;
        _receiving = new ConnectionStatus(ConnectionState.Connected, context.Time.GetUtcNow(), 0, null);
        if (tokens.SigningSecret is { } signingSecret)
        {
            _inbox = new EventsApiInbox(_key.ToString(), signingSecret, context.Time, this,
                context.SlackOptions.MaxConcurrentHandlers, _logger, () => _onChange(_key));
        }
        else
        {
            _connection = new SocketModeConnection(context.Api, context.SlackOptions, context.Time, _logger,
                tokens.AppToken ?? throw new ArgumentException("Socket Mode needs an app token", nameof(tokens)),
                this);
        }

        _runner = new BehaviourRunner(_key.ToString(), identity, tokens.BotToken, context.Api, context.Forwards,
            _logger);
        _runner.TokenRefused += OnTokenRefused;
        _schedules = new ScheduleRunner(_key.ToString(), context.Time, _logger, _runner.PostScheduledAsync,
            previousRuns);
        _schedules.Ran += () => _onChange(_key);
    }

    public BotTokens Tokens { get; }

    public AuthIdentity Identity { get; }

    public long Generation { get; private set; } = -1;

    public IReadOnlyList<ChannelObservation> Channels { get; private set; } = [];

    public ConnectionState ConnectionState => ConnectionStatus.State;

    /// <summary>The Socket Mode connection's status; an Events API bot counts as connected while it runs.</summary>
    private ConnectionStatus ConnectionStatus => _connection?.Status ?? Receiving;

    /// <summary>An Events API bot's status: receiving, with the refusals since the last good request as its error.
    /// </summary>
    private ConnectionStatus Receiving => _inbox?.RefusingSince is { } since
        ? _receiving with
        {
            LastError = new SlackError("bad_signature", $"every request since {since:yyyy-MM-ddTHH:mm:ssZ} refused: " +
                "check that spec.signingSecret holds this app's current Signing Secret"),
        }
        : _receiving;

    /// <summary>Set when Slack refused the bot token after the bot started (revoked while connected).</summary>
    public SlackError? AuthError => Volatile.Read(ref _authError);

    public BotObservation Observe() => new(
        Identity, AuthError, ConnectionStatus, Channels, new Dictionary<string, DateTimeOffset>(_schedules.LastRuns));

    /// <summary>Installs the behaviours of a generation; the connection is not touched.</summary>
    public void Apply(SlackBotSpec spec, long generation, IReadOnlyList<ChannelObservation> channels)
    {
        Channels = channels;
        Volatile.Write(ref _behaviours, BehaviourSet.Compile(spec, channels));
        Generation = generation;
    }

    public void Start()
    {
        // The loops outlive the reconcile that starts them; its logging scope (and generation) must not follow.
        using (ExecutionContext.SuppressFlow())
        {
            var connection = _connection is null
                ? Task.Run(() => _inbox!.RunAsync(_stop.Token))
                : Task.Run(() => _connection.RunAsync(_stop.Token));
            var schedules = Task.Run(() => _schedules.RunAsync(() => Volatile.Read(ref _behaviours), _stop.Token));
            _loops = Task.WhenAll(connection, schedules);
        }

        BotLog.Started(_logger, _key.ToString(), Identity.UserName, Identity.TeamName);
    }

    /// <summary>Answers a request Slack posted for this bot; null when the bot is in Socket Mode.</summary>
    public EventsApiResponse? ReceiveEvent(string? timestamp, string? signature, byte[] body) =>
        _inbox?.Receive(timestamp, signature, body);

    public async Task HandleEventAsync(SocketModeEvent slackEvent, CancellationToken cancellationToken)
    {
        var behaviours = Volatile.Read(ref _behaviours);
        if (MemberJoinedEvent.TryRead(slackEvent.Event) is { } joined)
        {
            await _runner.WelcomeAsync(behaviours, joined.User, joined.Channel, cancellationToken);
            return;
        }

        // app_mention arrives beside the message event for the same post; answering both would answer twice.
        if (slackEvent.Type == "message" && MessageEvent.TryRead(slackEvent.Event) is { } message)
        {
            await _runner.HandleMessageAsync(behaviours, message, cancellationToken);
        }
    }

    public void OnStatusChanged(ConnectionStatus status)
    {
        var detail = status.LastError is null ? string.Empty : $" ({status.LastError})";
        BotLog.ConnectionChanged(_logger, _key.ToString(), status.State.ToString(), detail);
        _onChange(_key);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loops;
        }
        catch (OperationCanceledException)
        {
            // Cancellation is how the loops are asked to stop.
        }

        _stop.Dispose();
        BotLog.Stopped(_logger, _key.ToString());
    }

    private void OnTokenRefused(SlackError error)
    {
        // The token died under a running bot: let the reconciler report it instead of staying Ready.
        Volatile.Write(ref _authError, error);
        _onChange(_key);
    }
}
