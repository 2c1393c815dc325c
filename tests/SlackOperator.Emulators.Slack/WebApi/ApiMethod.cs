using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>One Web API method: which token family may call it, the scopes it accepts, and its handler.</summary>
/// <param name="TokenKind">Null when the method needs no token at all.</param>
/// <param name="Scopes">Any one of these is enough; empty when no scope is needed.</param>
/// <param name="Invoke">Answers an authorized call.</param>
internal sealed record ApiMethod(TokenKind? TokenKind, IReadOnlyList<string> Scopes, Func<ApiCall, JsonObject> Invoke);
