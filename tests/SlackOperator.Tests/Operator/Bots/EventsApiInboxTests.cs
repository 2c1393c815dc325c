using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SlackOperator.Bots;
using SlackOperator.Slack.Events;
using SlackOperator.Slack.SocketMode;

namespace SlackOperator.Tests.Operator.Bots;

public sealed class EventsApiInboxTests
{
    private const string Secret = "signing-secret";
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly RecordingHandler _handler = new();

    [Fact]
    public async Task Receive_SignedEventThenItsRetry_Answers200TwiceHandlesOnce()
    {
        var sut = CreateSut();
        using var stop = new CancellationTokenSource();
        var running = sut.RunAsync(stop.Token);
        var body = Body("""{"type":"event_callback","event_id":"Ev1","event":{"type":"message","text":"hi"}}""");

        var first = sut.Receive(Timestamp(), Sign(body), body);
        var retry = sut.Receive(Timestamp(), Sign(body), body);
        var handled = await _handler.First.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal((200, 200), (first.StatusCode, retry.StatusCode));
        Assert.Equal("Ev1", handled.EventId);
        Assert.Equal(1, _handler.Count);
    }

    [Fact]
    public void Receive_WrongSecret_401AndNothingQueued()
    {
        var body = Body("""{"type":"event_callback","event_id":"Ev2","event":{"type":"message"}}""");
        var signature = Encoding.ASCII.GetString(SlackSignatureVerifier.Sign("other", Timestamp(), body));

        var response = CreateSut().Receive(Timestamp(), signature, body);

        Assert.Equal((401, (SocketModeEvent?)null), (response.StatusCode, response.Event));
    }

    [Fact]
    public void Receive_WrongSecretRepeatedly_WarnsAtOnceThenAtMostOnceAMinuteWithTheCount()
    {
        var logger = new WarningLog();
        var sut = new EventsApiInbox("bots/kitten", Secret, _time, _handler, 2, logger);
        var body = Body("""{"type":"event_callback","event_id":"Ev3","event":{"type":"message"}}""");

        for (var i = 0; i < 5; i++)
        {
            sut.Receive(Timestamp(), Encoding.ASCII.GetString(SlackSignatureVerifier.Sign("old", Timestamp(), body)),
                body);
        }

        _time.Advance(TimeSpan.FromSeconds(61));
        sut.Receive(Timestamp(), "v0=bad", body);

        Assert.Equal(2, logger.Lines.Count);
        Assert.Contains("(1 since the last warning)", logger.Lines[0], StringComparison.Ordinal);
        Assert.Contains("(5 since the last warning)", logger.Lines[1], StringComparison.Ordinal);
        Assert.All(logger.Lines, l => Assert.Contains("spec.signingSecret", l, StringComparison.Ordinal));
        Assert.All(logger.Lines, l => Assert.DoesNotContain(Secret, l, StringComparison.Ordinal));
    }

    [Fact]
    public void Receive_UrlVerification_AnswersTheChallenge()
    {
        var body = Body("""{"type":"url_verification","challenge":"abc"}""");

        var response = CreateSut().Receive(Timestamp(), Sign(body), body);

        Assert.Equal((200, "abc"), (response.StatusCode, response.Body));
    }

    private EventsApiInbox CreateSut() => new("bots/kitten", Secret, _time, _handler, 2, NullLogger.Instance);

    private static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);

    private string Timestamp() => _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private string Sign(byte[] body) =>
        Encoding.ASCII.GetString(SlackSignatureVerifier.Sign(Secret, Timestamp(), body));

    private sealed class WarningLog : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }

    private sealed class RecordingHandler : ISocketModeHandler
    {
        private int _count;

        public TaskCompletionSource<SocketModeEvent> First { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Volatile.Read(ref _count);

        public Task HandleEventAsync(SocketModeEvent slackEvent, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            First.TrySetResult(slackEvent);
            return Task.CompletedTask;
        }

        public void OnStatusChanged(ConnectionStatus status)
        {
        }
    }
}
