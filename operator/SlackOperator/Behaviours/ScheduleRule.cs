using Cronos;
using SlackOperator.Entities;

namespace SlackOperator.Behaviours;

/// <summary>A compiled <see cref="ScheduleBehaviour"/> for one channel.</summary>
internal sealed class ScheduleRule
{
    private readonly CronExpression _cron;
    private readonly TimeZoneInfo _zone;
    private readonly MessageTemplate _text;

    public ScheduleRule(string key, string channelId, ScheduleBehaviour spec)
    {
        Key = key;
        ChannelId = channelId;
        _cron = CronExpression.Parse(spec.Cron, CronFormat.Standard);
        _zone = string.IsNullOrEmpty(spec.TimeZone)
            ? TimeZoneInfo.Utc
            : TimeZoneInfo.FindSystemTimeZoneById(spec.TimeZone);
        _text = new MessageTemplate(spec.Text);
    }

    /// <summary>Identifies the schedule within its SlackBot, e.g. <c>spec.channels[0].behaviours[2]</c>.</summary>
    public string Key { get; }

    public string ChannelId { get; }

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>, in UTC. Cronos resolves daylight-saving gaps
    /// and overlaps so an occurrence is neither skipped nor doubled.
    /// </summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _cron.GetNextOccurrence(after, _zone);

    public string Render() => _text.Render(null, ChannelId, MatchResult.Plain);
}
