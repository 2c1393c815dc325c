using System.Text;
using SlackOperator.Slack.SocketMode;

namespace SlackOperator.Tests.Slack.SocketMode;

public sealed class SocketModeMessageTests
{
    private const string EventsApiEnvelope = """
        {
          "envelope_id": "env-1",
          "type": "events_api",
          "accepts_response_payload": false,
          "retry_attempt": 2,
          "retry_reason": "timeout",
          "payload": {
            "team_id": "T1",
            "event_id": "Ev123",
            "event": { "type": "message", "channel": "C1", "user": "U1", "text": "hi", "ts": "1.2" }
          }
        }
        """;

    [Fact]
    public void TryParse_EventsApiEnvelope_ReadsTypeAndEnvelopeId()
    {
        var message = Parse(EventsApiEnvelope);

        Assert.Equal(("events_api", "env-1"), (message?.Type, message?.EnvelopeId));
    }

    [Fact]
    public void ToEvent_EventsApiEnvelope_ReadsEventIdAndRetryAttempt()
    {
        var slackEvent = Parse(EventsApiEnvelope)?.ToEvent();

        Assert.Equal(("Ev123", 2), (slackEvent?.EventId, slackEvent?.RetryAttempt));
    }

    [Fact]
    public void ToEvent_EventsApiEnvelope_ExposesInnerEventType()
    {
        var slackEvent = Parse(EventsApiEnvelope)?.ToEvent();

        Assert.Equal("message", slackEvent?.Type);
    }

    [Fact]
    public void ToEvent_NoRetryAttempt_IsFirstDelivery()
    {
        var slackEvent = Parse(
            """{"envelope_id":"e","type":"events_api","payload":{"event_id":"Ev1","event":{"type":"message"}}}""")
            ?.ToEvent();

        Assert.Equal(0, slackEvent?.RetryAttempt);
    }

    [Fact]
    public void ToEvent_NoEventId_FallsBackToEnvelopeId()
    {
        var slackEvent = Parse("""{"envelope_id":"env-9","type":"events_api","payload":{"event":{"type":"x"}}}""")
            ?.ToEvent();

        Assert.Equal("env-9", slackEvent?.EventId);
    }

    [Fact]
    public void ToEvent_HelloFrame_ReturnsNull()
    {
        var message = Parse("""{"type":"hello","num_connections":1}""");

        Assert.Null(message?.ToEvent());
    }

    [Fact]
    public void TryParse_DisconnectFrame_ReadsReason()
    {
        var message = Parse("""{"type":"disconnect","reason":"refresh_requested"}""");

        Assert.Equal(("disconnect", "refresh_requested"), (message?.Type, message?.Reason));
    }

    [Fact]
    public void TryParse_NotJson_ReturnsNull()
    {
        Assert.Null(Parse("not json"));
    }

    private static SocketModeMessage? Parse(string frame) => SocketModeMessage.TryParse(Encoding.UTF8.GetBytes(frame));
}
