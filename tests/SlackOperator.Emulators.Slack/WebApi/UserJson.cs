using System.Text.Json.Nodes;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>The user object as users.info returns it.</summary>
internal static class UserJson
{
    public static JsonObject Build(UserState user, long updated)
    {
        var profile = new JsonObject
        {
            ["real_name"] = user.Name,
            ["display_name"] = user.IsBot ? "" : user.Name,
            ["real_name_normalized"] = user.Name,
            ["display_name_normalized"] = user.IsBot ? "" : user.Name,
            ["team"] = Workspace.TeamId,
        };
        if (user.BotId is not null)
        {
            profile["bot_id"] = user.BotId;
            profile["api_app_id"] = user.AppId;
            profile["always_active"] = false;
        }

        return new JsonObject
        {
            ["id"] = user.Id,
            ["team_id"] = Workspace.TeamId,
            ["name"] = user.Name,
            ["deleted"] = false,
            ["color"] = "9f69e7",
            ["real_name"] = user.Name,
            ["tz"] = "Etc/UTC",
            ["tz_label"] = "Coordinated Universal Time",
            ["tz_offset"] = 0,
            ["profile"] = profile,
            ["is_admin"] = false,
            ["is_owner"] = false,
            ["is_primary_owner"] = false,
            ["is_restricted"] = false,
            ["is_ultra_restricted"] = false,
            ["is_bot"] = user.IsBot,
            ["is_app_user"] = false,
            ["updated"] = updated,
        };
    }
}
