namespace SlackOperator.Slack.SocketMode;

/// <summary>Receives what a <see cref="SocketModeConnection"/> observes.</summary>
public interface ISocketModeHandler
{
    /// <summary>Handles one event, after its envelope was acknowledged; a failure here loses nothing else.</summary>
    Task HandleEventAsync(SocketModeEvent slackEvent, CancellationToken cancellationToken);

    /// <summary>Called on every state change, from the connection's own loop; must return quickly.</summary>
    void OnStatusChanged(ConnectionStatus status);
}
