namespace SlackOperator.Emulators.Slack.State;

/// <summary>Receives what happened in the workspace so Socket Mode can tell the apps.</summary>
internal interface IEventSink
{
    void MessagePosted(ChannelState channel, MessageState message);

    void MemberJoined(ChannelState channel, string userId, string? inviterId);
}
