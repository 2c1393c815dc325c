using SlackOperator.Slack.SocketMode;

namespace SlackOperator.Tests.Slack.SocketMode;

public sealed class EventDeduplicatorTests
{
    [Fact]
    public void TryRegister_NewId_ReturnsTrue()
    {
        var deduplicator = CreateSut();

        Assert.True(deduplicator.TryRegister("Ev1"));
    }

    [Fact]
    public void TryRegister_RepeatedId_ReturnsFalse()
    {
        var deduplicator = CreateSut();
        deduplicator.TryRegister("Ev1");

        Assert.False(deduplicator.TryRegister("Ev1"));
    }

    [Fact]
    public void TryRegister_IdsDifferOnlyInCase_TreatedAsDifferent()
    {
        var deduplicator = CreateSut();
        deduplicator.TryRegister("Ev1");

        Assert.True(deduplicator.TryRegister("EV1"));
    }

    [Fact]
    public void TryRegister_MoreIdsThanCapacity_ForgetsOldest()
    {
        var deduplicator = CreateSut(capacity: 2);
        deduplicator.TryRegister("Ev1");
        deduplicator.TryRegister("Ev2");
        deduplicator.TryRegister("Ev3");

        Assert.True(deduplicator.TryRegister("Ev1"), "Ev1 should have been forgotten to keep memory bounded");
    }

    [Fact]
    public void TryRegister_MoreIdsThanCapacity_RemembersMostRecent()
    {
        var deduplicator = CreateSut(capacity: 2);
        deduplicator.TryRegister("Ev1");
        deduplicator.TryRegister("Ev2");
        deduplicator.TryRegister("Ev3");

        Assert.Equal((false, false), (deduplicator.TryRegister("Ev2"), deduplicator.TryRegister("Ev3")));
    }

    [Fact]
    public void TryRegister_ManyMoreIdsThanCapacity_RemembersNoMoreThanCapacity()
    {
        var deduplicator = CreateSut(capacity: 100);
        for (var i = 0; i < 10_000; i++)
        {
            deduplicator.TryRegister($"Ev{i}");
        }

        var remembered = Enumerable.Range(0, 10_000).Count(i => !deduplicator.TryRegister($"Ev{i}"));

        Assert.True(remembered <= 100, $"remembered {remembered} ids with capacity 100");
    }

    private static EventDeduplicator CreateSut(int capacity = 4096) => new(capacity);
}
