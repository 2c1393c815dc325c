using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>The Web API methods the emulator serves, with the token family and scopes each accepts.</summary>
internal static class ApiMethodTable
{
    private static readonly string[] ReadConversations = ["channels:read", "groups:read", "im:read", "mpim:read"];

    private static readonly string[] OpenConversations = ["channels:manage", "groups:write", "im:write", "mpim:write"];

    public static IReadOnlyDictionary<string, ApiMethod> Build(Workspace workspace, Messaging messaging,
        ITicketIssuer tickets)
    {
        var auth = new AuthMethods(tickets);
        var chat = new ChatMethods(workspace, messaging);
        var conversations = new ConversationsMethods(workspace, messaging);
        var open = new ConversationsOpenMethod(workspace);
        var reactions = new ReactionsMethods(workspace);
        var users = new UsersMethods(workspace);
        return new Dictionary<string, ApiMethod>(StringComparer.Ordinal)
        {
            ["api.test"] = new(null, [], AuthMethods.ApiTest),
            ["auth.test"] = new(TokenKind.Bot, [], AuthMethods.AuthTest),
            ["apps.connections.open"] = new(TokenKind.App, ["connections:write"], auth.ConnectionsOpen),
            ["chat.postMessage"] = new(TokenKind.Bot, ["chat:write"], chat.PostMessage),
            ["reactions.add"] = new(TokenKind.Bot, ["reactions:write"], reactions.Add),
            ["conversations.join"] = new(TokenKind.Bot, ["channels:join"], conversations.Join),
            ["conversations.info"] = new(TokenKind.Bot, ReadConversations, conversations.Info),
            ["conversations.list"] = new(TokenKind.Bot, ReadConversations, conversations.List),
            ["conversations.open"] = new(TokenKind.Bot, OpenConversations, open.Open),
            ["users.info"] = new(TokenKind.Bot, ["users:read"], users.Info),
        };
    }
}
