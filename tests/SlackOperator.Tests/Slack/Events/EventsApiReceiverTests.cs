using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SlackOperator.Slack.Events;

namespace SlackOperator.Tests.Slack.Events;

public sealed class EventsApiReceiverTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public void Receive_UrlVerification_AnswersTheChallenge()
    {
        var body = """{"type":"url_verification","challenge":"c-123"}""";

        var response = Send(body);

        Assert.Equal((200, "c-123"), (response.StatusCode, response.Body));
    }

    [Fact]
    public void Receive_EventCallback_HandsTheEventOn()
    {
        var response = Send(Callback("Ev1"));

        Assert.Equal((200, "Ev1", "message"), (response.StatusCode, response.Event?.EventId, response.Event?.Type));
    }

    [Fact]
    public void Receive_SameEventRetried_IsAnsweredButNotHandledAgain()
    {
        var sut = CreateSut();
        Send(Callback("Ev2"), sut);

        var retry = Send(Callback("Ev2"), sut);

        Assert.Equal((200, null), (retry.StatusCode, retry.Event));
    }

    [Fact]
    public void Receive_WrongSignature_Is401()
    {
        var body = Encoding.UTF8.GetBytes(Callback("Ev3"));
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = CreateSut().Receive(Secret, timestamp, "v0=" + new string('0', 64), body);

        Assert.Equal((401, null), (response.StatusCode, response.Event));
    }

    [Fact]
    public void Receive_SignedSixMinutesAgo_IsRejectedAsAReplay()
    {
        var response = Send(Callback("Ev4"), sentAt: Now - TimeSpan.FromMinutes(6));

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public void Receive_BodyChangedAfterSigning_Is401()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Signature(timestamp, Callback("Ev5"));

        var response = CreateSut().Receive(Secret, timestamp, signature, Encoding.UTF8.GetBytes(Callback("Ev6")));

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public void Sign_AnyBody_MatchesAnIndependentHmac()
    {
        var signed = Encoding.ASCII.GetString(SlackSignatureVerifier.Sign(Secret, "1531420618", "token=x"u8));

        Assert.Equal(Signature("1531420618", "token=x"), signed);
    }

    private static string Callback(string eventId) =>
        $$$"""{"type":"event_callback","event_id":"{{{eventId}}}","event":{"type":"message","ts":"1.1"}}""";

    private EventsApiResponse Send(string body, EventsApiReceiver? sut = null, DateTimeOffset? sentAt = null)
    {
        var timestamp = (sentAt ?? Now).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        return (sut ?? CreateSut()).Receive(Secret, timestamp, Signature(timestamp, body), bytes);
    }

    private static string Signature(string timestamp, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexString(mac).ToLowerInvariant();
    }

    private EventsApiReceiver CreateSut() => new(_time);
}
