namespace SlackOperator.Emulators.Slack;

/// <summary>Direct messages between a person and an app's bot user.</summary>
public sealed partial class SlackEmulator
{
    /// <summary>
    /// Opens the direct message between a person and an app's bot user, as either of them would in Slack, or
    /// finds the one they have. Post into it with <see cref="PostUserMessageAsync"/> and the returned id: the
    /// bot's app gets a <c>message</c> event with <c>channel_type</c> <c>im</c>, and the bot may answer there.
    /// </summary>
    /// <returns>The IM's channel id, which starts with <c>D</c>.</returns>
    /// <exception cref="KeyNotFoundException">Either user does not exist.</exception>
    /// <exception cref="InvalidOperationException">The person is a bot or the bot user has no app.</exception>
    public string OpenDirectMessage(string userId, string botUserId) =>
        _workspace.OpenIm(userId, botUserId).Im.Id;
}
