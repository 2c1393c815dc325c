namespace SlackOperator.Slack.WebApi;

/// <summary>The Slack Web API methods the operator uses. Every token is passed per call and never logged.</summary>
public interface ISlackWebApi
{
    /// <summary>Checks a bot token and tells whose it is (<c>auth.test</c>).</summary>
    Task<SlackResult<AuthIdentity>> AuthTestAsync(string botToken, CancellationToken cancellationToken);

    /// <summary>Asks for a Socket Mode WebSocket URL with an app-level token (<c>apps.connections.open</c>).</summary>
    Task<SlackResult<Uri>> OpenConnectionAsync(string appToken, CancellationToken cancellationToken);

    /// <summary>Posts a message (<c>chat.postMessage</c>).</summary>
    Task<SlackResult<PostedMessage>> PostMessageAsync(
        string botToken, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Lists every public and private channel the token can see, following cursors.</summary>
    Task<SlackResult<IReadOnlyList<Conversation>>> ListConversationsAsync(
        string botToken, CancellationToken cancellationToken);

    /// <summary>Adds an emoji reaction to a message; an existing identical reaction counts as success.</summary>
    Task<SlackResult<bool>> AddReactionAsync(
        string botToken, string channel, string timestamp, string emoji, CancellationToken cancellationToken);

    /// <summary>Reads one channel (<c>conversations.info</c>).</summary>
    Task<SlackResult<Conversation>> GetConversationAsync(
        string botToken, string channelId, CancellationToken cancellationToken);

    /// <summary>Reads one user (<c>users.info</c>).</summary>
    Task<SlackResult<SlackUser>> GetUserAsync(string botToken, string userId, CancellationToken cancellationToken);

    /// <summary>Joins a public channel (<c>conversations.join</c>).</summary>
    Task<SlackResult<Conversation>> JoinConversationAsync(
        string botToken, string channelId, CancellationToken cancellationToken);
}
