using System.Diagnostics.Metrics;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Slack;

/// <summary>
/// The Slack client's instruments on <see cref="System.Diagnostics.Metrics"/>; the host decides how to export them
/// (the operator scrapes <c>web_api_calls_total</c> as <c>slackoperator_slack_web_api_calls_total</c>).
/// </summary>
public static class SlackMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SlackOperator.Slack";

    /// <summary>The <c>result</c> of a call Slack answered with <c>ok: true</c>.</summary>
    public const string OkResult = "ok";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>
    /// Web API requests by method and result: <c>ok</c>, or the error code (Slack's own, such as
    /// <c>ratelimited</c>, or <c>client_timeout</c> and <c>transport_error</c>). Each retry counts once.
    /// </summary>
    public static Counter<long> WebApiCalls { get; } = Meter.CreateCounter<long>(
        "web_api_calls_total", description: "Slack Web API requests by method and result");

    /// <summary>Events API requests by the HTTP status answered: 401 means a bad or stale signature.</summary>
    public static Counter<long> EventsApiRequests { get; } = Meter.CreateCounter<long>(
        "events_api_requests_total", description: "Events API requests from Slack by the HTTP status answered");

    internal static void RecordCall<T>(string method, SlackResult<T> result) =>
        WebApiCalls.Add(1, new("method", method), new("result", result.IsOk ? OkResult : result.Error.Code));
}
