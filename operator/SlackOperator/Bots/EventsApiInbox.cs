using Microsoft.Extensions.Logging;
using SlackOperator.Slack.Events;
using SlackOperator.Slack.SocketMode;

namespace SlackOperator.Bots;

/// <summary>
/// Where Slack's HTTP requests for one Events API bot arrive: the signature check, challenge and de-duplication
/// happen while Slack waits for its answer; the events themselves are handled afterwards by a few workers, so
/// a slow behaviour never makes Slack wait past its three seconds.
/// </summary>
internal sealed class EventsApiInbox
{
    private readonly EventsApiReceiver _receiver;
    private readonly string _signingSecret;
    private readonly string _bot;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly ChannelDispatcher _events;
    private readonly TimeProvider _time;
    private readonly Action _refusalsChanged;
    private readonly Lock _refusals = new();
    private DateTimeOffset _lastWarning = DateTimeOffset.MinValue;
    private int _refusedSinceWarning;
    private DateTimeOffset? _refusingSince;

    public EventsApiInbox(string bot, string signingSecret, TimeProvider time, ISocketModeHandler handler,
        int workers, ILogger logger, Action? refusalsChanged = null)
    {
        _refusalsChanged = refusalsChanged ?? (() => { });
        _bot = bot;
        _signingSecret = signingSecret;
        _time = time;
        _receiver = new EventsApiReceiver(time);
        _logger = logger;
        _events = new ChannelDispatcher(workers, handler.HandleEventAsync,
            (slackEvent, ex) => BotLog.EventFailed(_logger, ex, _bot, slackEvent.EventId), _stop.Token);
    }

    /// <summary>Answers one request from Slack and queues the event it carried, if it is new.</summary>
    public EventsApiResponse Receive(string? timestamp, string? signature, byte[] body)
    {
        var response = _receiver.Receive(_signingSecret, timestamp, signature, body);
        if (response.Event is { } slackEvent)
        {
            _events.TryPost(slackEvent);
        }

        BotLog.EventsApiRequest(_logger, _bot, response.StatusCode, response.Event?.EventId ?? "none");
        if (response.StatusCode == 401)
        {
            WarnOfBadSignature();
        }
        else if (response.StatusCode == 200)
        {
            Accepted();
        }

        return response;
    }

    /// <summary>
    /// When requests began to be refused for a bad signature with none accepted since, or null. Anyone who can
    /// reach the port can send a refused request, so this is reported beside Ready, never instead of it.
    /// </summary>
    public DateTimeOffset? RefusingSince
    {
        get
        {
            lock (_refusals)
            {
                return _refusingSince;
            }
        }
    }

    private void Accepted()
    {
        lock (_refusals)
        {
            if (_refusingSince is null)
            {
                return;
            }

            _refusingSince = null;
        }

        _refusalsChanged();
    }

    /// <summary>Lets queued events be handled until cancelled; those still queued then are dropped (Slack had its
    /// 200 for them, as for any event an operator restart interrupts).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        finally
        {
            await _stop.CancelAsync();
            await _events.CompleteAsync();
            _stop.Dispose();
        }
    }

    /// <summary>
    /// A wrong or rotated signing secret refuses every event while the bot looks healthy otherwise: say so at
    /// Warning, at most once a minute per bot, with the count, so the log shows it without being flooded.
    /// </summary>
    private void WarnOfBadSignature()
    {
        bool started;
        int warnWith = 0;
        lock (_refusals)
        {
            var now = _time.GetUtcNow();
            started = _refusingSince is null;
            _refusingSince ??= now;
            _refusedSinceWarning++;
            if (now - _lastWarning >= TimeSpan.FromMinutes(1))
            {
                warnWith = _refusedSinceWarning;
                _refusedSinceWarning = 0;
                _lastWarning = now;
            }
        }

        if (warnWith > 0)
        {
            BotLog.EventsApiBadSignature(_logger, _bot, warnWith);
        }

        if (started)
        {
            _refusalsChanged();
        }
    }
}
