using Microsoft.Extensions.Logging;
using SlackOperator.Behaviours;
using SlackOperator.Slack.Events;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Bots;

/// <summary>
/// Carries out what the behaviours decide for one bot: posts replies and forward answers, adds reactions, posts
/// welcomes. A refused token is reported through <see cref="TokenRefused"/> so the status can say so.
/// </summary>
internal sealed class BehaviourRunner
{
    private readonly string _bot;
    private readonly AuthIdentity _identity;
    private readonly string _token;
    private readonly ISlackWebApi _api;
    private readonly ForwardClient _forwards;
    private readonly ILogger _logger;

    public BehaviourRunner(
        string bot, AuthIdentity identity, string token, ISlackWebApi api, ForwardClient forwards, ILogger logger)
    {
        _bot = bot;
        _identity = identity;
        _token = token;
        _api = api;
        _forwards = forwards;
        _logger = logger;
    }

    /// <summary>Raised when Slack refuses the bot token on a call.</summary>
    public event Action<SlackError>? TokenRefused;

    public async Task HandleMessageAsync(BehaviourSet behaviours, MessageEvent message, CancellationToken token)
    {
        if (!MessageFilter.IsAnswerable(message, _identity, behaviours.AllowBots))
        {
            BotLog.Skipped(_logger, _bot, message.Ts, message.Channel, message.Subtype ?? "from a bot");
            return;
        }

        var decision = behaviours.Decide(message, _identity.UserId);
        if (decision.IsEmpty)
        {
            BotLog.Skipped(_logger, _bot, message.Ts, message.Channel, "no behaviour matched");
            return;
        }

        foreach (var emoji in decision.Reactions)
        {
            Check(await _api.AddReactionAsync(_token, message.Channel, message.Ts, emoji, token), message);
        }

        if (decision.Answer is { } answer)
        {
            await AnswerAsync(answer, decision.Match!, message, token);
        }
    }

    public async Task WelcomeAsync(BehaviourSet behaviours, string userId, string channelId, CancellationToken token)
    {
        if (userId == _identity.UserId || behaviours.WelcomeFor(channelId) is not { } welcome)
        {
            return;
        }

        var greeting = new OutgoingMessage(channelId, welcome.Render(userId, channelId));
        var posted = await _api.PostMessageAsync(_token, greeting, token);
        Check(posted, null, channelId);
    }

    public async Task<bool> PostScheduledAsync(ScheduleRule schedule, CancellationToken token)
    {
        var message = new OutgoingMessage(schedule.ChannelId, schedule.Render());
        var posted = await _api.PostMessageAsync(_token, message, token);
        return Check(posted, null, schedule.ChannelId);
    }

    private async Task AnswerAsync(IAnswerRule answer, MatchResult match, MessageEvent message, CancellationToken token)
    {
        string? text;
        if (answer is ForwardRule forward)
        {
            var (reply, error) = await _forwards.ForwardAsync(forward, message, _identity.TeamId, token);
            if (error is not null)
            {
                BotLog.ForwardFailed(_logger, _bot, message.Ts, forward.Url.Host, error);
                return;
            }

            text = reply;
        }
        else
        {
            text = ((ReplyRule)answer).Render(message, match);
        }

        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var threadTs = answer.InThread ? message.ThreadTs ?? message.Ts : message.ThreadTs;
        var posted = await _api.PostMessageAsync(_token, new OutgoingMessage(message.Channel, text, threadTs), token);
        if (Check(posted, message))
        {
            BotLog.Replied(_logger, _bot, message.Ts, message.Channel);
        }
    }

    private bool Check<T>(SlackResult<T> result, MessageEvent? message, string? channel = null)
    {
        if (result.IsOk)
        {
            return true;
        }

        BotLog.ReplyFailed(_logger, _bot, message?.Ts ?? "-", message?.Channel ?? channel ?? "-",
            result.Error.ToString());
        if (result.Error.IsAuthFailure)
        {
            TokenRefused?.Invoke(result.Error);
        }

        return false;
    }
}
