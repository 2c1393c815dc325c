using System.Text.RegularExpressions;
using SlackOperator.Kubernetes.Events;

namespace SlackOperator.Tests.Kubernetes.Events;

public sealed partial class EventNameTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(236)]
    [InlineData(237)]
    [InlineData(253)]
    public void EventName_AnySubjectLength_UniqueValidAndWithinTheLimit(int length)
    {
        var subject = new string('a', length - 1) + "b";

        var first = EventRecorder.EventName(subject);
        var second = EventRecorder.EventName(subject);

        Assert.NotEqual(first, second);
        Assert.InRange(first.Length, 1, 253);
        Assert.Matches(Subdomain(), first);
    }

    [Fact]
    public void EventName_CutEndsInHyphen_HyphenDropped()
    {
        var subject = new string('a', 235) + "-b" + new string('c', 10);

        Assert.StartsWith(new string('a', 235) + ".", EventRecorder.EventName(subject), StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
