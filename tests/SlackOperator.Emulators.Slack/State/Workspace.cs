namespace SlackOperator.Emulators.Slack.State;

/// <summary>The single emulated workspace: members, channels, apps, tokens and history behind one lock.</summary>
internal sealed partial class Workspace(TsClock clock)
{
    public const string TeamId = "T0EMULATOR";
    public const string TeamName = "Emulated Workspace";
    public const string Domain = "emulated-workspace";
    public const string GeneralName = "general";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserState> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChannelState> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AppState> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenGrant> _tokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _revoked = new(StringComparer.Ordinal);

    public TsClock Clock => clock;

    public static string Url => $"https://{Domain}.slack.com/";

    public UserState AddUser(string name, bool isBot, string? id = null, string? botId = null, string? appId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            var userId = id ?? IdFactory.FromName('U', name, _users.ContainsKey);
            var user = new UserState(userId, name, isBot, botId, appId);
            _users.Add(user.Id, user);
            return user;
        }
    }

    public ChannelState AddChannel(string name, bool isPrivate, IEnumerable<string>? memberIds, string? id = null)
    {
        var clean = name.TrimStart('#');
        ArgumentException.ThrowIfNullOrWhiteSpace(clean, nameof(name));
        lock (_gate)
        {
            if (_channels.Values.Any(c => c.Name == clean))
            {
                throw new InvalidOperationException($"A channel named #{clean} exists already.");
            }

            var channel = new ChannelState
            {
                Id = id ?? IdFactory.FromName('C', clean, _channels.ContainsKey),
                Name = clean,
                IsPrivate = isPrivate,
                Created = clock.UnixSeconds(),
                Order = _channels.Count,
                Creator = _users.Keys.FirstOrDefault() ?? "USLACKBOT",
            };
            channel.Members.UnionWith(memberIds ?? []);
            _channels.Add(channel.Id, channel);
            return channel;
        }
    }

    public AppState AddApp(string botName, string botToken, string appToken, string? idStem = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botName);
        lock (_gate)
        {
            var stem = idStem ?? botName;
            var appId = IdFactory.FromName('A', stem, _apps.ContainsKey);
            var botId = IdFactory.FromName('B', stem, id => _users.Values.Any(u => u.BotId == id));
            var user = AddUser(botName, true, IdFactory.FromName('U', stem, _users.ContainsKey), botId, appId);
            var app = new AppState
            {
                Info = new EmulatedApp(appId, user.Id, botId, botName, botToken, appToken),
                BotScopes = AppState.DefaultBotScopes,
                VerificationToken = IdFactory.Random('v').ToLowerInvariant(),
            };
            _apps.Add(appId, app);
            _tokens.Add(botToken, new TokenGrant(TokenKind.Bot, app));
            _tokens.Add(appToken, new TokenGrant(TokenKind.App, app));
            _channels.Values.FirstOrDefault(c => c.Name == GeneralName)?.Members.Add(user.Id);
            return app;
        }
    }

    public bool IsTokenKnown(string token)
    {
        lock (_gate)
        {
            return _tokens.ContainsKey(token);
        }
    }

    public AuthOutcome Authenticate(string token, out TokenGrant? grant)
    {
        lock (_gate)
        {
            var known = _tokens.TryGetValue(token, out grant);
            return !known ? AuthOutcome.Unknown : _revoked.Contains(token) ? AuthOutcome.Revoked : AuthOutcome.Valid;
        }
    }

    public void Revoke(string token)
    {
        lock (_gate)
        {
            _revoked.Add(token);
        }
    }

    public void SetBotScopes(string appId, IEnumerable<string> scopes)
    {
        lock (_gate)
        {
            GetApp(appId).BotScopes = [.. scopes];
        }
    }

    public AppState GetApp(string appId)
    {
        lock (_gate)
        {
            return _apps.TryGetValue(appId, out var app) ? app : throw new KeyNotFoundException($"No app {appId}.");
        }
    }

    public IReadOnlyList<AppState> Apps()
    {
        lock (_gate)
        {
            return [.. _apps.Values];
        }
    }

    public AppState? FindAppByToken(string token)
    {
        lock (_gate)
        {
            return _tokens.TryGetValue(token, out var grant) ? grant.App : null;
        }
    }

    public UserState? FindUser(string id)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(id);
        }
    }

    public ChannelState? FindChannelById(string id)
    {
        lock (_gate)
        {
            return _channels.GetValueOrDefault(id);
        }
    }

    /// <summary>Finds a channel by id, by name or by "#name", as chat.postMessage allows.</summary>
    public ChannelState? FindChannel(string idOrName)
    {
        var name = idOrName.TrimStart('#');
        lock (_gate)
        {
            return _channels.GetValueOrDefault(idOrName) ?? _channels.Values.FirstOrDefault(c => c.Name == name);
        }
    }

    public ChannelState GetChannel(string idOrName) =>
        FindChannel(idOrName) ?? throw new KeyNotFoundException($"No channel {idOrName}.");

    public IReadOnlyList<ChannelState> Channels()
    {
        lock (_gate)
        {
            return [.. _channels.Values.OrderBy(c => c.Order)];
        }
    }

    public bool IsMember(ChannelState channel, string userId)
    {
        lock (_gate)
        {
            return channel.Members.Contains(userId);
        }
    }

    public int MemberCount(ChannelState channel)
    {
        lock (_gate)
        {
            return channel.Members.Count;
        }
    }

    /// <summary>Adds a member; false when the user was one already.</summary>
    public bool AddMember(ChannelState channel, string userId)
    {
        lock (_gate)
        {
            return channel.Members.Add(userId);
        }
    }

    public IReadOnlyList<string> Members(ChannelState channel)
    {
        lock (_gate)
        {
            return [.. channel.Members];
        }
    }

    public void AddMessage(MessageState message)
    {
        lock (_gate)
        {
            GetChannelLocked(message.ChannelId).Messages.Add(message);
        }
    }

    public IReadOnlyList<MessageState> Messages(ChannelState channel)
    {
        lock (_gate)
        {
            return [.. channel.Messages];
        }
    }

    public MessageState? FindMessage(ChannelState channel, string ts)
    {
        lock (_gate)
        {
            return channel.Messages.FirstOrDefault(m => m.Ts == ts);
        }
    }

    /// <summary>Adds a reaction; false when this user had added the same one already.</summary>
    public bool AddReaction(MessageState message, string name, string userId)
    {
        lock (_gate)
        {
            var reaction = new EmulatedReaction(name, userId);
            if (message.Reactions.Contains(reaction))
            {
                return false;
            }

            message.Reactions.Add(reaction);
            return true;
        }
    }

    public IReadOnlyList<EmulatedReaction> Reactions(MessageState message)
    {
        lock (_gate)
        {
            return [.. message.Reactions];
        }
    }

    private ChannelState GetChannelLocked(string id) =>
        _channels.TryGetValue(id, out var channel) ? channel : throw new KeyNotFoundException($"No channel {id}.");
}
