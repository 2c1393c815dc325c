using SlackOperator.Entities;
using SlackOperator.Slack.WebApi;

namespace SlackOperator.Bots;

/// <summary>
/// Finds each declared channel in Slack and joins the public ones marked <c>join</c>. Channels declared by id are
/// read one by one (<c>conversations.info</c>); only a channel declared by name needs the whole list, which in a
/// large workspace takes many calls of a method Slack limits to about twenty a minute.
/// </summary>
internal sealed class ChannelResolver
{
    private readonly ISlackWebApi _api;

    public ChannelResolver(ISlackWebApi api) => _api = api;

    public async Task<IReadOnlyList<ChannelObservation>> ResolveAsync(
        string botToken, IReadOnlyList<ChannelSpec> declared, CancellationToken cancellationToken)
    {
        if (declared.Count == 0)
        {
            return [];
        }

        // Only a channel declared by name needs the workspace's list; ids are read one by one.
        IReadOnlyList<Conversation>? listed = null;
        if (declared.Any(c => c.Id is null))
        {
            var list = await _api.ListConversationsAsync(botToken, cancellationToken);
            if (!list.IsOk)
            {
                var reason = list.Error.Code == "missing_scope" ? "MissingScope" : "ChannelListFailed";
                var error = $"could not list channels: {list.Error}";
                return [.. declared.Select(c => new ChannelObservation(c.Display, c.Name, c.Id, false, reason, error))];
            }

            listed = list.Value;
        }

        var results = new List<ChannelObservation>(declared.Count);
        foreach (var channel in declared)
        {
            results.Add(listed is null
                ? await ReadOneAsync(botToken, channel, cancellationToken)
                : await ResolveOneAsync(botToken, channel, listed, cancellationToken));
        }

        return MarkDuplicates(results);
    }

    /// <summary>
    /// A channel declared twice, by name and by id, cannot be told apart before Slack names it: the first entry
    /// is the one that runs, and each later one says so instead of being silently ignored.
    /// </summary>
    private static List<ChannelObservation> MarkDuplicates(List<ChannelObservation> results)
    {
        for (var i = 0; i < results.Count; i++)
        {
            var first = results.FindIndex(r => r.Id is not null && r.Id == results[i].Id);
            if (first >= 0 && first < i)
            {
                results[i] = results[i] with
                {
                    Member = false,
                    Reason = "DuplicateChannel",
                    Error = $"{results[i].Declared} is the same channel as spec.channels[{first}] " +
                        $"({results[first].Declared}): merge the two entries; only the first one runs",
                };
            }
        }

        return results;
    }

    private async Task<ChannelObservation> ReadOneAsync(string botToken, ChannelSpec channel, CancellationToken token)
    {
        var read = await _api.GetConversationAsync(botToken, channel.Id!, token);
        if (read.IsOk)
        {
            return await SettleAsync(botToken, channel, read.Value, token);
        }

        return read.Error.Code switch
        {
            "channel_not_found" => NotFound(channel),
            "missing_scope" => new ChannelObservation(channel.Display, channel.Name, channel.Id, false, "MissingScope",
                $"could not read {channel.Display}: {read.Error}"),
            _ => new ChannelObservation(channel.Display, channel.Name, channel.Id, false, "ChannelListFailed",
                $"could not read {channel.Display}: {read.Error}"),
        };
    }

    private async Task<ChannelObservation> ResolveOneAsync(
        string botToken, ChannelSpec channel, IReadOnlyList<Conversation> conversations, CancellationToken token)
    {
        var found = conversations.FirstOrDefault(c =>
            (channel.Id is not null && c.Id == channel.Id)
            || (channel.Name is not null && string.Equals(c.Name, channel.Name, StringComparison.OrdinalIgnoreCase)));
        return found is null ? NotFound(channel) : await SettleAsync(botToken, channel, found, token);
    }

    private static ChannelObservation NotFound(ChannelSpec channel) =>
        new(channel.Display, channel.Name, channel.Id, false, "ChannelNotFound",
            $"{channel.Display} not found: check the name, or invite the bot if the channel is private");

    /// <summary>A channel Slack knows: usable when the bot is in it, or once it joined a public one.</summary>
    private async Task<ChannelObservation> SettleAsync(
        string botToken, ChannelSpec channel, Conversation found, CancellationToken token)
    {
        if (found.IsArchived)
        {
            return new ChannelObservation(channel.Display, found.Name, found.Id, false, "ChannelNotFound",
                $"#{found.Name} is archived: unarchive it, or remove it from the spec");
        }

        if (found.IsMember)
        {
            return new ChannelObservation(channel.Display, found.Name, found.Id, true, null, null);
        }

        if (channel.Join == true && !found.IsPrivate)
        {
            var joined = await _api.JoinConversationAsync(botToken, found.Id, token);
            return joined.IsOk
                ? new ChannelObservation(channel.Display, found.Name, found.Id, true, null, null)
                : new ChannelObservation(channel.Display, found.Name, found.Id, false, "JoinFailed",
                    $"could not join #{found.Name}: {joined.Error}");
        }

        return new ChannelObservation(channel.Display, found.Name, found.Id, false, "NotInChannel",
            $"the bot is not in #{found.Name}: invite it with /invite, or set join: true for a public channel");
    }
}
