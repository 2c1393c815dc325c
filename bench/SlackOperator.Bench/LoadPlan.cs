using System.Globalization;

namespace SlackOperator.Bench;

/// <summary>
/// The message load both Slack scenarios get: the same channels, user, texts and pace. Message k goes to channel
/// k mod channels, so each channel sees one message every channels/rate seconds; channel c belongs to bot
/// c mod bots alone, so exactly one bot answers it. With 500 channels at 200 messages/s each channel gets 0.4
/// per second, below Slack's posting limit of about one message per second per channel.
/// </summary>
internal sealed record LoadPlan(int Channels, int Messages, int Rate, int GraceSeconds)
{
    /// <summary>The word each bot's reply rule matches; replies do not contain it, so they are never answered.
    /// </summary>
    public const string Trigger = "bench-ping";

    public const string UserName = "loaduser";

    public static LoadPlan From(BenchOptions options) =>
        new(Math.Max(options.SlackChannels, options.SlackBots), options.SlackMessages, options.SlackRate,
            options.GraceSeconds);

    public double RatePerChannel => (double)Rate / Channels;

    public static string ChannelName(int index) => $"load{index:D5}";

    public static string Text(int message) => string.Create(CultureInfo.InvariantCulture, $"{Trigger} {message}");

    public string ChannelOf(int message) => ChannelName(message % Channels);
}
