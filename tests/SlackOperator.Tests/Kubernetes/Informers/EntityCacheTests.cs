using k8s.Models;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Reconciliation;

namespace SlackOperator.Tests.Kubernetes.Informers;

public sealed class EntityCacheTests
{
    private const string BySecret = "secret";

    [Fact]
    public void TryGet_AfterUpsert_ReturnsObject()
    {
        var cache = CreateSut();
        var bot = Bot("kitten", "old-secret");

        cache.Upsert(bot);

        Assert.True(cache.TryGet(new EntityKey("bots", "kitten"), out var found));
        Assert.Same(bot, found);
    }

    [Fact]
    public void Upsert_ExistingObject_ReturnsTheOneReplaced()
    {
        var cache = CreateSut();
        var first = Bot("kitten", "old-secret");
        cache.Upsert(first);

        var replaced = cache.Upsert(Bot("kitten", "new-secret"));

        Assert.Same(first, replaced);
    }

    [Fact]
    public void KeysByIndex_AfterUpsert_FindsObjectUnderIndexedValue()
    {
        var cache = CreateSut();

        cache.Upsert(Bot("kitten", "old-secret"));

        Assert.Equal([new EntityKey("bots", "kitten")], cache.KeysByIndex(BySecret, "bots/old-secret"));
    }

    [Fact]
    public void KeysByIndex_ObjectMovedToOtherSecret_NotFoundUnderOldOne()
    {
        var cache = CreateSut();
        cache.Upsert(Bot("kitten", "old-secret"));

        cache.Upsert(Bot("kitten", "new-secret"));

        Assert.Empty(cache.KeysByIndex(BySecret, "bots/old-secret"));
    }

    [Fact]
    public void KeysByIndex_ObjectMovedToOtherSecret_FoundUnderNewOne()
    {
        var cache = CreateSut();
        cache.Upsert(Bot("kitten", "old-secret"));

        cache.Upsert(Bot("kitten", "new-secret"));

        Assert.Equal([new EntityKey("bots", "kitten")], cache.KeysByIndex(BySecret, "bots/new-secret"));
    }

    [Fact]
    public void KeysByIndex_ObjectRemoved_NotFound()
    {
        var cache = CreateSut();
        cache.Upsert(Bot("kitten", "shared"));

        cache.Remove(new EntityKey("bots", "kitten"));

        Assert.Empty(cache.KeysByIndex(BySecret, "bots/shared"));
    }

    [Fact]
    public void KeysByIndex_OneOfTwoSharersRemoved_OtherStillFound()
    {
        var cache = CreateSut();
        cache.Upsert(Bot("kitten", "shared"));
        cache.Upsert(Bot("puppy", "shared"));

        cache.Remove(new EntityKey("bots", "kitten"));

        Assert.Equal([new EntityKey("bots", "puppy")], cache.KeysByIndex(BySecret, "bots/shared"));
    }

    [Fact]
    public void AddIndex_ObjectsAlreadyCached_IndexesThem()
    {
        var cache = new EntityCache<SlackBot>();
        cache.Upsert(Bot("kitten", "old-secret"));

        cache.AddIndex(BySecret, TokenResolver.SecretsOf);

        Assert.Equal([new EntityKey("bots", "kitten")], cache.KeysByIndex(BySecret, "bots/old-secret"));
    }

    [Fact]
    public void Remove_UnknownKey_ReturnsNull()
    {
        var cache = CreateSut();

        Assert.Null(cache.Remove(new EntityKey("bots", "missing")));
    }

    private static EntityCache<SlackBot> CreateSut()
    {
        var cache = new EntityCache<SlackBot>();
        cache.AddIndex(BySecret, TokenResolver.SecretsOf);
        return cache;
    }

    private static SlackBot Bot(string name, string secret)
    {
        var bot = new SlackBot { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "bots" } };
        bot.Spec.BotToken.SecretKeyRef = new SecretKeySelector { Name = secret, Key = "bot-token" };
        bot.Spec.AppToken = new TokenSource
        {
            SecretKeyRef = new SecretKeySelector { Name = secret, Key = "app-token" },
        };
        return bot;
    }
}
