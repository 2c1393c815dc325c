namespace SlackOperator.Slack.SocketMode;

/// <summary>Where a Socket Mode connection stands.</summary>
public enum ConnectionState
{
    /// <summary>Opening the first connection.</summary>
    Connecting,

    /// <summary>A socket said hello and receives events.</summary>
    Connected,

    /// <summary>The socket was lost; a new one is being opened after a backoff.</summary>
    Reconnecting,

    /// <summary>Slack refused the app token or disabled the link; no further attempt is made.</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Stopped,
}
