using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SlackOperator.Slack;
using SlackOperator.Slack.SocketMode;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Tests.Slack.SocketMode;

/// <summary>When opening a link is refused for a reason only a person can fix, the connection gives up at once.
/// </summary>
public sealed class SocketModeConnectionTests
{
    private const string AppToken = "xapp-test";

    private readonly Mock<ISlackWebApi> _api = new(MockBehavior.Strict);
    private readonly List<ConnectionStatus> _statuses = [];

    [Theory]
    [InlineData("missing_scope")]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    public async Task RunAsync_OpenRefusedForGood_FailsAfterOneAttempt(string code)
    {
        OpenAnswers(SlackResult<Uri>.Fail(new SlackError(code)));

        await RunAsync();

        _api.Verify(a => a.OpenConnectionAsync(AppToken, It.IsAny<CancellationToken>()), Times.Once());
        Assert.Equal((ConnectionState.Failed, code), (_statuses[^1].State, _statuses[^1].LastError?.Code));
    }

    [Fact]
    public async Task RunAsync_OpenRateLimited_KeepsTrying()
    {
        OpenAnswers(SlackResult<Uri>.Fail(new SlackError("ratelimited")));

        await RunAsync(stopAfter: TimeSpan.FromMilliseconds(300));

        _api.Verify(a => a.OpenConnectionAsync(AppToken, It.IsAny<CancellationToken>()), Times.AtLeast(2));
        Assert.Equal(ConnectionState.Stopped, _statuses[^1].State);
    }

    private void OpenAnswers(SlackResult<Uri> answer) =>
        _api.Setup(a => a.OpenConnectionAsync(AppToken, It.IsAny<CancellationToken>())).ReturnsAsync(answer);

    private async Task RunAsync(TimeSpan? stopAfter = null)
    {
        var handler = new Mock<ISocketModeHandler>();
        handler.Setup(h => h.OnStatusChanged(It.IsAny<ConnectionStatus>())).Callback<ConnectionStatus>(_statuses.Add);
        var options = new SlackClientOptions
        {
            InitialReconnectDelay = TimeSpan.FromMilliseconds(10),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(20),
        };
        var sut = new SocketModeConnection(_api.Object, options, TimeProvider.System, NullLogger.Instance, AppToken,
            handler.Object);

        // Bounded either way: a connection that never gave up is stopped after a few seconds at most.
        using var stop = new CancellationTokenSource(stopAfter ?? TimeSpan.FromSeconds(5));
        await sut.RunAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(stopAfter is null && stop.IsCancellationRequested, "the connection kept retrying");
    }
}
