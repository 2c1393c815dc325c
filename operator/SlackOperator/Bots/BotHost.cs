using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackOperator.Behaviours;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Slack;
using SlackOperator.Slack.SocketMode;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Bots;

/// <summary>
/// Runs one bot per SlackBot and makes each match its desired state: new tokens restart the bot, a new
/// generation swaps behaviours in place. Calls for one key never overlap: the controller guarantees it.
/// </summary>
internal sealed class BotHost : IAsyncDisposable
{
    private readonly ConcurrentDictionary<EntityKey, RunningBot> _bots = new();

    /// <summary>
    /// The schedules' last runs of bots stopped in this process (leadership lost, tokens changed), so a bot
    /// started again never posts an occurrence it already posted while the status write of that run failed.
    /// </summary>
    private readonly ConcurrentDictionary<EntityKey, IReadOnlyDictionary<string, DateTimeOffset>> _lastRuns = new();
    private readonly ISlackWebApi _api;
    private readonly ChannelResolver _channels;
    private readonly SlackClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ForwardClient _forwards;
    private readonly EventsApiRoutes _routes;

    public BotHost(
        ISlackWebApi api, IOptions<SlackClientOptions> options, TimeProvider time, ILoggerFactory loggers,
        ForwardClient forwards, EventsApiRoutes routes)
    {
        _routes = routes;
        _api = api;
        _forwards = forwards;
        _channels = new ChannelResolver(api);
        _options = options.Value;
        _time = time;
        _loggers = loggers;
    }

    /// <summary>Called when a bot's observed state changes on its own (connection lost or back).</summary>
    public Action<EntityKey> OnChanged { get; set; } = _ => { };

    /// <summary>Bots running now.</summary>
    public int Count => _bots.Count;

    /// <summary>Whether a bot runs for the key in this process.</summary>
    public bool IsRunning(EntityKey key) => _bots.ContainsKey(key);

    /// <summary>The connection state of each running bot, for the bots-by-state gauge.</summary>
    public IEnumerable<ConnectionState> ConnectionStates =>
        _bots.Values.Select(bot => bot.ConnectionState);

    /// <summary>
    /// Starts, restarts or updates the bot; returns what it observes right after. A bot whose token Slack
    /// refused while it ran is restarted, so the refusal is checked again and reported.
    /// </summary>
    public async Task<BotObservation> EnsureAsync(DesiredBot desired, CancellationToken cancellationToken)
    {
        // A connection Slack ended for good (link disabled, scope missing) is tried again when the spec changes.
        if (_bots.TryGetValue(desired.Key, out var running) && running.Tokens == desired.Tokens
            && running.AuthError is null
            && !(running.ConnectionState == ConnectionState.Failed && running.Generation != desired.Generation))
        {
            await RefreshAsync(running, desired, cancellationToken);
            return running.Observe();
        }

        await StopAsync(desired.Key);
        var auth = await _api.AuthTestAsync(desired.Tokens.BotToken, cancellationToken);
        if (!auth.IsOk)
        {
            return BotObservation.AuthFailed(auth.Error);
        }

        var context = new RunningBotContext(desired.Key, _api, _options, _forwards, _time,
            _loggers.CreateLogger<RunningBot>(), key => OnChanged(key));
        var bot = new RunningBot(context, desired.Tokens, auth.Value, LatestRuns(desired));
        await RefreshAsync(bot, desired, cancellationToken);
        _bots[desired.Key] = bot;
        bot.Start();
        if (desired.Tokens.SigningSecret is not null)
        {
            _routes.Add(desired.Key, bot);
        }

        return bot.Observe();
    }

    /// <summary>Stops the bot of a key, if one runs; true when one did.</summary>
    public async Task<bool> StopAsync(EntityKey key)
    {
        _routes.Remove(key);
        if (!_bots.TryRemove(key, out var bot))
        {
            return false;
        }

        await bot.DisposeAsync();
        _lastRuns[key] = bot.Observe().ScheduleRuns;
        return true;
    }

    /// <summary>Forgets what a deleted SlackBot's bot did; a SlackBot created under its name starts afresh.</summary>
    public void Forget(EntityKey key) => _lastRuns.TryRemove(key, out _);

    /// <summary>Per schedule, the later of the run the status recorded and the run this process remembers.</summary>
    private Dictionary<string, DateTimeOffset> LatestRuns(DesiredBot desired)
    {
        var runs = new Dictionary<string, DateTimeOffset>(desired.PreviousRuns);
        if (!_lastRuns.TryGetValue(desired.Key, out var remembered))
        {
            return runs;
        }

        foreach (var (schedule, run) in remembered)
        {
            if (!runs.TryGetValue(schedule, out var recorded) || run > recorded)
            {
                runs[schedule] = run;
            }
        }

        return runs;
    }

    /// <summary>Stops every running bot, e.g. when this replica stops being the leader.</summary>
    public Task StopAllAsync() => Task.WhenAll(_bots.Keys.Select(StopAsync));

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync();
    }

    private async Task RefreshAsync(RunningBot bot, DesiredBot desired, CancellationToken cancellationToken)
    {
        var channelsSettled = bot.Channels.All(c => c.Member);
        if (bot.Generation == desired.Generation && channelsSettled)
        {
            return;
        }

        var channels = await _channels.ResolveAsync(
            desired.Tokens.BotToken, desired.Spec.Channels ?? [], cancellationToken);
        bot.Apply(desired.Spec, desired.Generation, channels);
    }
}
