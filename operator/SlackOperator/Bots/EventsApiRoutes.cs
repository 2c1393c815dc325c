using System.Collections.Concurrent;
using SlackOperator.Kubernetes.Informers;

namespace SlackOperator.Bots;

/// <summary>The running Events API bots by SlackBot, for the HTTP endpoint that receives Slack's requests.</summary>
internal sealed class EventsApiRoutes
{
    private readonly ConcurrentDictionary<EntityKey, RunningBot> _bots = new();

    public void Add(EntityKey key, RunningBot bot) => _bots[key] = bot;

    public void Remove(EntityKey key) => _bots.TryRemove(key, out _);

    /// <summary>The bot receiving events for a SlackBot on this replica, if one runs here.</summary>
    public bool TryGet(EntityKey key, out RunningBot bot) => _bots.TryGetValue(key, out bot!);
}
