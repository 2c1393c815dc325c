namespace SlackOperator.Emulators.Kubernetes.Tests.Http;

public sealed class WatchTests : HttpTestBase
{
    protected override KubeApiEmulatorOptions Options =>
        new() { BookmarkInterval = TimeSpan.FromMilliseconds(200), WatchHistory = 3 };

    [Fact]
    public async Task Watch_NoResourceVersion_SendsAddedForExistingObjects()
    {
        await Api.CreateBotAsync("a");
        await Api.CreateBotAsync("b");

        await using var watch = await WatchAsync("");

        Assert.Equal("a", (await watch.NextOfTypeAsync("ADDED")).Object["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("b", (await watch.NextOfTypeAsync("ADDED")).Object["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_FromResourceVersion_ReplaysLaterHistoryInOrder()
    {
        var created = await Api.CreateBotAsync("a");
        await Api.PatchAsync($"{Infrastructure.ApiClient.Bots}/a", """{"metadata":{"labels":{"x":"1"}}}""");
        await Api.DeleteAsync($"{Infrastructure.ApiClient.Bots}/a");

        await using var watch = await WatchAsync($"resourceVersion={Rv(created)}");

        var modified = await watch.NextAsync();
        var deleted = await watch.NextAsync();
        Assert.Equal("MODIFIED", modified?.Type);
        Assert.Equal("1", modified?.Object["metadata"]!["labels"]!["x"]!.GetValue<string>());
        Assert.Equal("DELETED", deleted?.Type);
    }

    [Fact]
    public async Task Watch_LiveChange_DeliveredWithNewResourceVersion()
    {
        var created = await Api.CreateBotAsync("a");
        await using var watch = await WatchAsync($"resourceVersion={Rv(created)}");

        var patched = await Api.PatchAsync($"{Infrastructure.ApiClient.Bots}/a", """{"spec":{"suspend":true}}""");

        var next = await watch.NextOfTypeAsync("MODIFIED");
        var seen = next.Object["metadata"]!["resourceVersion"]!.ToString();
        Assert.Equal(patched.Str("metadata", "resourceVersion"), seen);
        Assert.True(Rv(patched) > Rv(created));
    }

    [Fact]
    public async Task Watch_CrdDeleted_EveryObjectOfItArrivesAsDeleted()
    {
        var created = await Api.CreateBotAsync("a");
        await Api.CreateBotAsync("b");
        await using var watch = await WatchAsync($"resourceVersion={Rv(created)}");

        await Api.DeleteAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/slackbots.slackoperator.io");

        var names = new[] { await watch.NextOfTypeAsync("DELETED"), await watch.NextOfTypeAsync("DELETED") }
            .Select(e => e.Object["metadata"]!["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["a", "b"], names);
    }

    [Fact]
    public async Task Watch_AllowBookmarks_ReceivesBookmarkWithOnlyResourceVersion()
    {
        var created = await Api.CreateBotAsync("a");

        await using var watch = await WatchAsync($"resourceVersion={Rv(created)}&allowWatchBookmarks=true");

        var bookmark = await watch.NextOfTypeAsync("BOOKMARK");
        Assert.Equal("SlackBot", bookmark.Object["kind"]!.GetValue<string>());
        Assert.Equal("slackoperator.io/v1alpha1", bookmark.Object["apiVersion"]!.GetValue<string>());
        Assert.Equal(Rv(created).ToString(), bookmark.Object["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Single(bookmark.Object["metadata"]!.AsObject());
    }

    [Fact]
    public async Task Watch_TooOldResourceVersion_GetsErrorEventWith410()
    {
        var first = await Api.CreateBotAsync("a");
        for (var i = 0; i < 5; i++)
        {
            var patch = "{\"metadata\":{\"labels\":{\"n\":\"" + i + "\"}}}";
            await Api.PatchAsync($"{Infrastructure.ApiClient.Bots}/a", patch);
        }

        await using var watch = await WatchAsync($"resourceVersion={Rv(first)}");

        var error = await watch.NextAsync();
        Assert.Equal(200, watch.StatusCode);
        Assert.Equal("ERROR", error?.Type);
        Assert.Equal(410, error?.Object["code"]!.GetValue<int>());
        Assert.Equal("Expired", error?.Object["reason"]!.GetValue<string>());
        Assert.StartsWith("too old resource version: ", error?.Object["message"]!.GetValue<string>());
        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Watch_ExpireNextWatchFault_OnlyNextWatchGets410()
    {
        var created = await Api.CreateBotAsync("a");
        Emulator.Faults.ExpireNextWatch();

        await using var expired = await WatchAsync($"resourceVersion={Rv(created)}");
        await using var healthy = await WatchAsync("");

        Assert.Equal(410, (await expired.NextAsync())?.Object["code"]!.GetValue<int>());
        Assert.Equal("ADDED", (await healthy.NextAsync())?.Type);
    }

    [Fact]
    public async Task Watch_DropWatches_EndsOpenStreams()
    {
        var created = await Api.CreateBotAsync("a");
        await using var watch = await WatchAsync($"resourceVersion={Rv(created)}");

        Emulator.Faults.DropWatches();

        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_EndsStream()
    {
        var created = await Api.CreateBotAsync("a");

        await using var watch = await WatchAsync($"resourceVersion={Rv(created)}&timeoutSeconds=1");

        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Watch_FieldSelectorOnName_OnlyThatObject()
    {
        var created = await Api.CreateBotAsync("a");
        await using var watch = await WatchAsync($"resourceVersion={Rv(created)}&fieldSelector=metadata.name%3Db");

        await Api.CreateBotAsync("c");
        await Api.CreateBotAsync("b");

        var added = await watch.NextAsync();
        Assert.Equal("b", added?.Object["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_LabelRemovedFromSelectedObject_SeenAsDeleted()
    {
        var created = await Api.CreateBotAsync("a", new() { ["team"] = "red" });
        await using var watch = await WatchAsync($"resourceVersion={Rv(created)}&labelSelector=team%3Dred");

        await Api.PatchAsync($"{Infrastructure.ApiClient.Bots}/a", """{"metadata":{"labels":{"team":null}}}""");

        Assert.Equal("DELETED", (await watch.NextAsync())?.Type);
    }

    [Fact]
    public async Task Watch_SendInitialEvents_EndsInitialListWithAnnotatedBookmark()
    {
        await Api.CreateBotAsync("a");

        await using var watch = await WatchAsync(
            "sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");

        Assert.Equal("ADDED", (await watch.NextAsync())?.Type);
        var bookmark = await watch.NextAsync();
        Assert.Equal("BOOKMARK", bookmark?.Type);
        Assert.Equal("true",
            bookmark?.Object["metadata"]!["annotations"]!["k8s.io/initial-events-end"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_ExactTooOldResourceVersion_Returns410()
    {
        var created = await Api.CreateBotAsync("a");
        await Api.CreateBotAsync("b");

        var response = await Api.GetAsync(
            $"{Infrastructure.ApiClient.Bots}?resourceVersion={Rv(created)}&resourceVersionMatch=Exact");

        Assert.Equal(410, response.Code);
        Assert.Equal("Expired", response.Str("reason"));
    }
}
