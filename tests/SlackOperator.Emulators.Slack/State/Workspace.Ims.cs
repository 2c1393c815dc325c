namespace SlackOperator.Emulators.Slack.State;

/// <summary>
/// Direct messages: one IM per user and bot user, created the first time either side opens it and reused after,
/// as Slack does. An IM is a conversation with a <c>D</c> id and exactly those two members.
/// </summary>
internal sealed partial class Workspace
{
    /// <summary>The IM between a person and an app's bot user; <c>Created</c> is false when it existed.</summary>
    /// <exception cref="KeyNotFoundException">Either id is not a member of the workspace.</exception>
    /// <exception cref="InvalidOperationException">The person is a bot, or the bot user belongs to no app.</exception>
    public (ChannelState Im, bool Created) OpenIm(string userId, string botUserId)
    {
        lock (_gate)
        {
            var user = _users.GetValueOrDefault(userId) ?? throw new KeyNotFoundException($"No user {userId}.");
            var bot = _users.GetValueOrDefault(botUserId)
                ?? throw new KeyNotFoundException($"No user {botUserId}.");
            if (user.IsBot)
            {
                throw new InvalidOperationException($"{userId} is a bot user; a bot cannot be sent a DM by a bot.");
            }

            if (bot.AppId is null)
            {
                throw new InvalidOperationException($"{botUserId} is not the bot user of an app.");
            }

            var existing = FindImLocked(userId, botUserId);
            if (existing is not null)
            {
                return (existing, false);
            }

            var id = IdFactory.Random('D', _channels.ContainsKey);
            var im = new ChannelState
            {
                Id = id,
                Name = id,
                IsPrivate = true,
                ImUser = userId,
                Created = clock.UnixSeconds(),
                Order = _channels.Count,
                Creator = userId,
            };
            im.Members.UnionWith([userId, botUserId]);
            _channels.Add(im.Id, im);
            return (im, true);
        }
    }

    /// <summary>The IM between two users, or null when they have none.</summary>
    public ChannelState? FindIm(string userId, string otherUserId)
    {
        lock (_gate)
        {
            return FindImLocked(userId, otherUserId);
        }
    }

    /// <summary>Who is at the other end of an IM from <paramref name="userId"/>.</summary>
    public string OtherParty(ChannelState im, string userId)
    {
        lock (_gate)
        {
            return im.Members.FirstOrDefault(m => m != userId) ?? userId;
        }
    }

    private ChannelState? FindImLocked(string userId, string otherUserId) => _channels.Values.FirstOrDefault(c =>
        c.IsIm && c.Members.Contains(userId) && c.Members.Contains(otherUserId));
}
