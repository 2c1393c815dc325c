using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Json;
using SlackOperator.Emulators.Kubernetes.Internal.Resources;
using SlackOperator.Emulators.Kubernetes.Internal.Store;
using SlackOperator.Emulators.Kubernetes.Internal.Tables;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>Streams newline-delimited watch events, one flush per event.</summary>
internal sealed class WatchHandler(ObjectStore store, KubeApiFaults faults, KubeApiEmulatorOptions options)
{
    public async Task WatchAsync(HttpContext context, ResourceType type, string ns, CancellationToken stop)
    {
        var query = context.Request.Query;
        var filter = ListHandler.Filter(type, ns, query);
        var initial = query["sendInitialEvents"] == "true";
        context.Response.StatusCode = 200;
        context.Response.ContentType = HttpIo.Json;
        context.Response.Headers.CacheControl = "no-cache, private";
        await context.Response.StartAsync(stop).ConfigureAwait(false);

        // Clients wait for the headers before they consider the watch open, so send them now.
        await context.Response.Body.FlushAsync(stop).ConfigureAwait(false);
        WatchSubscription subscription;
        try
        {
            if (faults.TakeExpireWatch())
            {
                throw StatusFactory.Gone(StartVersion(query) ?? 1, store.CurrentResourceVersion);
            }

            subscription = store.Watch(type.StorageKey, filter, initial ? null : StartVersion(query));
        }
        catch (ApiException e)
        {
            await WriteEventAsync(context, "ERROR", e.ToStatus(), stop).ConfigureAwait(false);
            return;
        }

        using (subscription)
        {
            await StreamAsync(context, type, subscription, initial, stop).ConfigureAwait(false);
        }
    }

    private async Task StreamAsync(HttpContext context, ResourceType type, WatchSubscription subscription,
        bool initial, CancellationToken stop)
    {
        var query = context.Request.Query;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stop, faults.WatchDropToken);
        if (int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var timeout) && timeout > 0)
        {
            cts.CancelAfter(TimeSpan.FromSeconds(timeout));
        }

        if (initial)
        {
            store.Bookmark(subscription, type.GroupVersion, type.Kind, initialEventsEnd: true);
        }

        var bookmarks = query["allowWatchBookmarks"] == "true"
            ? BookmarkLoopAsync(subscription, type, cts.Token)
            : Task.CompletedTask;
        try
        {
            await foreach (var item in subscription.Reader.ReadAllAsync(cts.Token).ConfigureAwait(false))
            {
                await WriteEventAsync(context, item.Type, Render(context, type, item), cts.Token)
                    .ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The watch ended on purpose (timeout, dropped, restart or client gone); the stream just closes.
        }

        await cts.CancelAsync().ConfigureAwait(false);
        await bookmarks.ConfigureAwait(false);
    }

    private async Task BookmarkLoopAsync(WatchSubscription subscription, ResourceType type, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.BookmarkInterval, options.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                store.Bookmark(subscription, type.GroupVersion, type.Kind, initialEventsEnd: false);
            }
        }
        catch (OperationCanceledException)
        {
            // Bookmarks stop with the watch.
        }
    }

    /// <summary>`kubectl get -w` asks for Tables on the watch too; each event then carries a one-row Table.</summary>
    private JsonObject Render(HttpContext context, ResourceType type, WatchEvent item)
    {
        if (item.Type == "BOOKMARK")
        {
            return item.Object;
        }

        var served = EventConversion.ToServed(type, item.Object);
        if (!TableBuilder.IsWanted(context.Request.Headers.Accept))
        {
            return served;
        }

        return TableBuilder.Build(type, [served], JsonNodes.ResourceVersion(served),
            context.Request.Query["includeObject"], options.TimeProvider.GetUtcNow());
    }

    private static long? StartVersion(IQueryCollection query) =>
        long.TryParse(query["resourceVersion"], CultureInfo.InvariantCulture, out var rv) && rv > 0 ? rv : null;

    private static async Task WriteEventAsync(HttpContext context, string type, JsonObject obj, CancellationToken ct)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj }.ToJsonString() + "\n";
        await context.Response.WriteAsync(line, Encoding.UTF8, ct).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
    }
}
