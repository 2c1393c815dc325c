namespace SlackOperator.Slack.WebApi;

/// <summary>A message to post with <c>chat.postMessage</c>.</summary>
/// <param name="Channel">The channel id.</param>
/// <param name="Text">Slack mrkdwn text, already escaped where it holds user input.</param>
/// <param name="ThreadTs">When set, the reply goes into this thread.</param>
public sealed record OutgoingMessage(string Channel, string Text, string? ThreadTs = null);
