using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>
/// A direct message as Slack describes it to one of its two members: no name, <c>is_im</c> true and
/// <c>user</c> set to the member at the other end.
/// </summary>
internal static class ImJson
{
    public static JsonObject Build(ChannelState im, string otherUserId) => new()
    {
        ["id"] = im.Id,
        ["created"] = im.Created,
        ["is_archived"] = im.IsArchived,
        ["is_im"] = true,
        ["is_org_shared"] = false,
        ["context_team_id"] = Workspace.TeamId,
        ["updated"] = im.Created * 1000,
        ["user"] = otherUserId,
        ["is_user_deleted"] = false,
        ["priority"] = 0,
    };
}
