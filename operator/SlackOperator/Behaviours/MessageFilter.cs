using SlackOperator.Slack.Events;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Behaviours;

/// <summary>Decides which messages behaviours may answer at all.</summary>
internal static class MessageFilter
{
    // Subtypes that are still a person saying something new; edits, deletions and joins are not.
    private static readonly HashSet<string> AnswerableSubtypes =
        ["thread_broadcast", "file_share", "me_message", "bot_message"];

    /// <summary>
    /// False for the bot's own messages, for other bots' unless <paramref name="allowBots"/> (so two bots cannot
    /// loop by default), and for edits, deletions and other system subtypes (so a changed message is not
    /// answered as a new one).
    /// </summary>
    public static bool IsAnswerable(MessageEvent message, AuthIdentity self, bool allowBots = false)
    {
        if (message.User == self.UserId || (message.BotId is not null && message.BotId == self.BotId))
        {
            return false;
        }

        var fromBot = message.BotId is not null || message.Subtype == "bot_message";
        if ((fromBot && !allowBots) || (message.User is null && message.BotId is null))
        {
            return false;
        }

        return message.Subtype is null || AnswerableSubtypes.Contains(message.Subtype);
    }
}
