using SlackOperator.Entities;
using SlackOperator.Reconciliation;

namespace SlackOperator.Tests.Operator.Reconciliation;

public sealed class ConditionSetTests
{
    private static readonly DateTime Earlier = new(2025, 1, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Set_StatusUnchanged_KeepsLastTransitionTime()
    {
        var conditions = CreateSut(Previous("Ready", "True"));

        conditions.Set("Ready", true, "Ready", "still fine");

        Assert.Equal(Earlier, Assert.Single(conditions.Conditions).LastTransitionTime);
    }

    [Fact]
    public void Set_StatusUnchangedButReasonChanged_KeepsLastTransitionTime()
    {
        var conditions = CreateSut(Previous("Ready", "False"));

        conditions.Set("Ready", false, "Reconnecting", "lost");

        Assert.Equal(Earlier, Assert.Single(conditions.Conditions).LastTransitionTime);
    }

    [Fact]
    public void Set_StatusFlipped_UsesNow()
    {
        var conditions = CreateSut(Previous("Ready", "True"));

        conditions.Set("Ready", false, "Reconnecting", "lost");

        Assert.Equal(Now, Assert.Single(conditions.Conditions).LastTransitionTime);
    }

    [Fact]
    public void Set_NewCondition_UsesNow()
    {
        var conditions = CreateSut(Previous("Ready", "True"));

        conditions.Set("Connected", true, "Connected", "open");

        Assert.Equal(Now, Assert.Single(conditions.Conditions).LastTransitionTime);
    }

    [Fact]
    public void Set_NullStatus_IsUnknown()
    {
        var conditions = CreateSut();

        conditions.Set("Authenticated", null, "Suspended", "off");

        Assert.Equal("Unknown", Assert.Single(conditions.Conditions).Status);
    }

    [Fact]
    public void Set_Always_RecordsGeneration()
    {
        var conditions = CreateSut();

        conditions.Set("Ready", true, "Ready", "fine");

        Assert.Equal(7, Assert.Single(conditions.Conditions).ObservedGeneration);
    }

    [Fact]
    public void SetWhileTrue_NotHolding_LeavesConditionOut()
    {
        var conditions = CreateSut(Previous("Stalled", "True"));

        conditions.SetWhileTrue("Stalled", false, "InvalidAuth", "fixed now");

        Assert.Empty(conditions.Conditions);
    }

    [Fact]
    public void SetWhileTrue_Holding_AddsTrueCondition()
    {
        var conditions = CreateSut();

        conditions.SetWhileTrue("Stalled", true, "InvalidAuth", "refused");

        var condition = Assert.Single(conditions.Conditions);
        Assert.Equal(("Stalled", "True"), (condition.Type, condition.Status));
    }

    private static ConditionSet CreateSut(params StatusCondition[] previous) => new(previous, 7, Now);

    private static StatusCondition Previous(string type, string status) => new()
    {
        Type = type,
        Status = status,
        Reason = "Before",
        LastTransitionTime = Earlier,
    };
}
