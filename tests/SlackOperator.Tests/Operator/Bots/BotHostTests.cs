using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SlackOperator.Behaviours;
using SlackOperator.Bots;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Slack;
using SlackOperator.Slack.SocketMode;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Tests.Operator.Bots;

/// <summary>
/// Bots stopped and started again in one process: a restart (leadership lost and won back while the API server
/// stalled) must not post again an occurrence whose last run never reached the status, and a connection Slack
/// ended for good is tried again once the spec changes.
/// </summary>
public sealed class BotHostTests : IAsyncDisposable
{
    private const string Schedule = "spec.channels[0].behaviours[0]";
    private static readonly EntityKey Key = new("team", "ticker");
    private static readonly DateTimeOffset Recorded = DateTimeOffset.Parse("2026-06-01T09:43:00Z");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-06-01T09:43:50Z"));
    private readonly Mock<ISlackWebApi> _api = new();
    private readonly ConcurrentQueue<string> _posts = new();
    private readonly ForwardClient _forwards = new(new ForwardUrlPolicy(false));
    private readonly BotHost _host;

    public BotHostTests()
    {
        _api.Setup(a => a.AuthTestAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(SlackResult<AuthIdentity>.Ok(new("U0BOT", "B0BOT", "ticker", "T0", "Team", null)));
        _api.Setup(a => a.GetConversationAsync(It.IsAny<string>(), "C0ROOM", It.IsAny<CancellationToken>()))
            .ReturnsAsync(SlackResult<Conversation>.Ok(new("C0ROOM", "room", true, false, false)));
        _api.Setup(a => a.OpenConnectionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(SlackResult<Uri>.Fail(new SlackError("ratelimited")));
        _api.Setup(a => a.PostMessageAsync(It.IsAny<string>(), It.IsAny<OutgoingMessage>(),
                It.IsAny<CancellationToken>()))
            .Callback<string, OutgoingMessage, CancellationToken>((_, m, _) => _posts.Enqueue(m.Text))
            .ReturnsAsync(SlackResult<PostedMessage>.Ok(new("C0ROOM", "1.1")));
        _host = new BotHost(_api.Object, Options.Create(new SlackClientOptions()), _time,
            NullLoggerFactory.Instance, _forwards, new EventsApiRoutes());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _forwards.Dispose();
    }

    [Fact]
    public async Task EnsureAsync_RestartedWithTheStatusBehind_DoesNotPostTheSameOccurrenceAgain()
    {
        await _host.EnsureAsync(Desired(), CancellationToken.None);
        await AdvanceUntilAsync(TimeSpan.FromSeconds(11), () => _posts.Count == 1);

        await _host.StopAsync(Key);
        _time.Advance(TimeSpan.FromSeconds(15));
        await _host.EnsureAsync(Desired(), CancellationToken.None);
        await AdvanceUntilAsync(TimeSpan.FromSeconds(1), () => _posts.Count > 1);

        Assert.Equal(["tick"], _posts);
    }

    [Fact]
    public async Task EnsureAsync_AfterForget_StartsFromWhatTheStatusSays()
    {
        await _host.EnsureAsync(Desired(), CancellationToken.None);
        await AdvanceUntilAsync(TimeSpan.FromSeconds(11), () => _posts.Count == 1);

        await _host.StopAsync(Key);
        _host.Forget(Key);
        _time.Advance(TimeSpan.FromSeconds(15));
        await _host.EnsureAsync(Desired(), CancellationToken.None);
        await AdvanceUntilAsync(TimeSpan.FromSeconds(1), () => _posts.Count > 1);

        // The premise of the test above: without this process's memory, 09:44 is due again.
        Assert.Equal(["tick", "tick"], _posts);
    }

    [Fact]
    public async Task EnsureAsync_ConnectionEndedForGood_SameGenerationKeepsItNewGenerationStartsAgain()
    {
        _api.Setup(a => a.OpenConnectionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(SlackResult<Uri>.Fail(new SlackError("missing_scope")));
        await _host.EnsureAsync(Desired(), CancellationToken.None);
        await AdvanceUntilAsync(TimeSpan.FromSeconds(1),
            () => _host.ConnectionStates.SingleOrDefault() == ConnectionState.Failed);

        await _host.EnsureAsync(Desired(), CancellationToken.None);
        var sameGeneration = OpenCalls();
        await _host.EnsureAsync(Desired() with { Generation = 2 }, CancellationToken.None);
        await AdvanceUntilAsync(TimeSpan.FromSeconds(1), () => OpenCalls() > sameGeneration);

        Assert.Equal(1, sameGeneration);
        Assert.Equal(2, OpenCalls());
    }

    private int OpenCalls() => _api.Invocations.Count(i => i.Method.Name == nameof(ISlackWebApi.OpenConnectionAsync));

    /// <summary>The status still says 09:43 ran: the write of the 09:44 run failed.</summary>
    private static DesiredBot Desired() => new(Key, 1, new BotTokens("xoxb-t", "xapp-t"), new SlackBotSpec
    {
        Channels =
        [
            new ChannelSpec
            {
                Id = "C0ROOM",
                Behaviours =
                [
                    new BehaviourSpec { Schedule = new ScheduleBehaviour { Cron = "* * * * *", Text = "tick" } },
                ],
            },
        ],
    }, new Dictionary<string, DateTimeOffset> { [Schedule] = Recorded });

    /// <summary>Moves fake time by <paramref name="by"/> in small steps, giving the bot's loops real time to run.
    /// </summary>
    private async Task AdvanceUntilAsync(TimeSpan by, Func<bool> done)
    {
        var step = TimeSpan.FromMilliseconds(500);
        for (var moved = TimeSpan.Zero; moved < by && !done(); moved += step)
        {
            await Task.Delay(20);
            _time.Advance(step);
        }

        for (var waited = 0; waited < 25 && !done(); waited++)
        {
            await Task.Delay(20);
        }
    }
}
