using SlackOperator.Slack.WebApi;

namespace SlackOperator.Slack.SocketMode;

/// <summary>Slack answered a new socket with a <c>disconnect</c> instead of <c>hello</c>, saying why.</summary>
public sealed class SocketRefusedException : Exception
{
    public SocketRefusedException(SlackError error)
        : base($"Slack refused the socket: {error}")
    {
        Error = error;
    }

    /// <summary>Slack's reason as an error, with advice where there is some.</summary>
    public SlackError Error { get; }
}
