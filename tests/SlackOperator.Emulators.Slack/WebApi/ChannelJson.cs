using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>The conversation object as conversations.info, .list and .join return it.</summary>
internal static class ChannelJson
{
    public static JsonObject Build(ChannelState channel, bool isMember, int memberCount) => new()
    {
        ["id"] = channel.Id,
        ["name"] = channel.Name,
        ["is_channel"] = !channel.IsPrivate,
        ["is_group"] = channel.IsPrivate,
        ["is_im"] = false,
        ["is_mpim"] = false,
        ["is_private"] = channel.IsPrivate,
        ["created"] = channel.Created,
        ["is_archived"] = channel.IsArchived,
        ["is_general"] = channel.Name == Workspace.GeneralName,
        ["unlinked"] = 0,
        ["name_normalized"] = channel.Name,
        ["is_shared"] = false,
        ["is_org_shared"] = false,
        ["is_pending_ext_shared"] = false,
        ["pending_shared"] = new JsonArray(),
        ["context_team_id"] = Workspace.TeamId,
        ["updated"] = channel.Created * 1000,
        ["parent_conversation"] = null,
        ["creator"] = channel.Creator,
        ["is_ext_shared"] = false,
        ["shared_team_ids"] = new JsonArray(Workspace.TeamId),
        ["pending_connected_team_ids"] = new JsonArray(),
        ["is_member"] = isMember,
        ["topic"] = Text(),
        ["purpose"] = Text(),
        ["previous_names"] = new JsonArray(),
        ["num_members"] = memberCount,
    };

    private static JsonObject Text() => new() { ["value"] = "", ["creator"] = "", ["last_set"] = 0 };
}
