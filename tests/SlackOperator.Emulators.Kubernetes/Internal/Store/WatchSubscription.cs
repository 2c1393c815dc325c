using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace SlackOperator.Emulators.Kubernetes.Internal.Store;

/// <summary>An open watch: the store pushes matching events into its channel.</summary>
internal sealed class WatchSubscription(string storageKey, Func<JsonObject, bool> matches, Action<WatchSubscription>
    unsubscribe) : IDisposable
{
    private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>();

    public string StorageKey { get; } = storageKey;

    public ChannelReader<WatchEvent> Reader => _channel.Reader;

    /// <summary>Translates a change into what this watcher sees, as the real server does for selectors.</summary>
    public void Offer(string type, JsonObject obj, JsonObject? previous)
    {
        var now = matches(obj);
        var before = previous is not null && matches(previous);
        var seen = type switch
        {
            "MODIFIED" when now && !before => "ADDED",
            "MODIFIED" when !now && before => "DELETED",
            "MODIFIED" when !now => null,
            _ when !now => null,
            _ => type,
        };
        if (seen is not null)
        {
            _channel.Writer.TryWrite(new WatchEvent(seen, (JsonObject)obj.DeepClone()));
        }
    }

    public void Push(WatchEvent watchEvent) => _channel.Writer.TryWrite(watchEvent);

    public void Dispose()
    {
        unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
