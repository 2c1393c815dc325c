using Microsoft.Extensions.Logging;
using SlackOperator.Behaviours;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Slack;
using SlackOperator.Slack.Events;
using SlackOperator.Slack.SocketMode;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Bots;

/// <summary>
/// One live bot: its identity, its Socket Mode connection and its compiled behaviours. Behaviours can be
/// swapped without touching the connection; new tokens need a new <see cref="RunningBot"/>.
/// </summary>
internal sealed class RunningBot : ISocketModeHandler, IAsyncDisposable
{
    private readonly EntityKey _key;
    private readonly ISlackWebApi _api;
    private readonly ILogger _logger;
    private readonly Action<EntityKey> _onChange;
    private readonly SocketModeConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private BehaviourSet _behaviours = BehaviourSet.Empty;
    private SlackError? _authError;
    private Task _loop = Task.CompletedTask;

    public RunningBot(
        EntityKey key, BotTokens tokens, AuthIdentity identity, ISlackWebApi api, SlackClientOptions options,
        TimeProvider time, ILogger logger, Action<EntityKey> onChange)
    {
        _key = key;
        Tokens = tokens;
        Identity = identity;
        _api = api;
        _logger = logger;
        _onChange = onChange;
        _connection = new SocketModeConnection(api, options, time, logger, tokens.AppToken, this);
    }

    public BotTokens Tokens { get; }

    public AuthIdentity Identity { get; }

    public long Generation { get; private set; } = -1;

    public IReadOnlyList<ChannelObservation> Channels { get; private set; } = [];

    /// <summary>Set when Slack refused the bot token after the bot started (revoked while connected).</summary>
    public SlackError? AuthError => Volatile.Read(ref _authError);

    public BotObservation Observe() => new(Identity, AuthError, _connection.Status, Channels);

    /// <summary>Installs the behaviours of a generation; the connection is not touched.</summary>
    public void Apply(SlackBotSpec spec, long generation, IReadOnlyList<ChannelObservation> channels)
    {
        Channels = channels;
        Volatile.Write(ref _behaviours, BehaviourSet.Compile(spec, channels));
        Generation = generation;
    }

    public void Start()
    {
        _loop = Task.Run(() => _connection.RunAsync(_stop.Token));
        BotLog.Started(_logger, _key.ToString(), Identity.UserName, Identity.TeamName);
    }

    public async Task HandleEventAsync(SocketModeEvent slackEvent, CancellationToken cancellationToken)
    {
        var message = MessageEvent.TryRead(slackEvent.Event);
        if (message is null || slackEvent.Type != "message")
        {
            return;
        }

        if (!MessageFilter.IsAnswerable(message, Identity))
        {
            BotLog.Skipped(_logger, _key.ToString(), message.Ts, message.Channel, message.Subtype ?? "from a bot");
            return;
        }

        var rule = Volatile.Read(ref _behaviours).RepliesFor(message.Channel).FirstOrDefault(r => r.Matches(message));
        if (rule is null)
        {
            BotLog.Skipped(_logger, _key.ToString(), message.Ts, message.Channel, "no behaviour matched");
            return;
        }

        await ReplyAsync(message, rule, cancellationToken);
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
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Cancellation is how the loop is asked to stop.
        }

        _stop.Dispose();
        BotLog.Stopped(_logger, _key.ToString());
    }

    private async Task ReplyAsync(MessageEvent message, ReplyRule rule, CancellationToken cancellationToken)
    {
        var threadTs = rule.InThread ? message.ThreadTs ?? message.Ts : message.ThreadTs;
        var reply = new OutgoingMessage(message.Channel, rule.Render(message), threadTs);
        var posted = await _api.PostMessageAsync(Tokens.BotToken, reply, cancellationToken);
        if (posted.IsOk)
        {
            BotLog.Replied(_logger, _key.ToString(), message.Ts, message.Channel);
            return;
        }

        BotLog.ReplyFailed(_logger, _key.ToString(), message.Ts, message.Channel, posted.Error.ToString());
        if (posted.Error.IsAuthFailure)
        {
            // The token died under a running bot: let the reconciler report it instead of staying Ready.
            Volatile.Write(ref _authError, posted.Error);
            _onChange(_key);
        }
    }
}
