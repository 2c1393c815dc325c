using SlackOperator.Slack.Events;

namespace SlackOperator.Behaviours;

/// <summary>A behaviour that answers a message (a reply or a forward); the first one that matches wins.</summary>
internal interface IAnswerRule
{
    /// <summary>Answer in a thread under the message.</summary>
    bool InThread { get; }

    /// <summary>The match, or null when this rule does not answer the message.</summary>
    MatchResult? Match(MessageEvent message, string botUserId);
}
