using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Slack;

/// <summary>Settings shared by every Slack connection the process holds.</summary>
public sealed class SlackClientOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Slack";

    /// <summary>Base URL of the Web API; methods are resolved relative to it. Slack's own by default.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Upper bound for one Web API call, retries excluded.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a call is retried after a 429, a 5xx or a network error.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>How long Socket Mode waits for <c>hello</c> after the WebSocket opens.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Interval of WebSocket pings; a pong missing for as long again marks the socket dead. .NET checks for the
    /// missing pong only on its next keepalive tick, so a link that goes silent is noticed after two to three
    /// intervals: 5 s keeps that within 15 s, well inside the 30 s a silent socket may take to be replaced.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First reconnect delay; it doubles per failed attempt up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnect attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Socket Mode connections opened per second across all bots of the process, so a refresh storm (Slack
    /// asking hundreds of connections to reconnect together) becomes a steady trickle instead of a burst.
    /// </summary>
    [Range(1, 10000)]
    public int MaxConnectionOpensPerSecond { get; set; } = 50;

    /// <summary>How long events already acknowledged may still be handled after the connection was stopped.</summary>
    public TimeSpan HandlerDrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events handled at once per connection; envelopes are acknowledged before this limit applies.</summary>
    [Range(1, 256)]
    public int MaxConcurrentHandlers { get; set; } = 8;
}
