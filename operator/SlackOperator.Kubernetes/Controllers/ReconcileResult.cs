namespace SlackOperator.Kubernetes.Controllers;

/// <summary>What the controller does with a key after a reconcile.</summary>
public sealed record ReconcileResult
{
    private ReconcileResult(TimeSpan? requeueAfter, bool retry, string? reason)
    {
        RequeueAfter = requeueAfter;
        Retry = retry;
        Reason = reason;
    }

    /// <summary>Reconcile again after this delay, whatever happens meanwhile.</summary>
    public TimeSpan? RequeueAfter { get; }

    /// <summary>The reconcile could not finish; retry with the key's backoff.</summary>
    public bool Retry { get; }

    /// <summary>Why a retry is needed, for logs and metrics.</summary>
    public string? Reason { get; }

    /// <summary>The object is as it should be; wait for the next change.</summary>
    public static ReconcileResult Done { get; } = new(null, false, null);

    /// <summary>Reconcile again after <paramref name="delay"/>.</summary>
    public static ReconcileResult After(TimeSpan delay) => new(delay, false, null);

    /// <summary>Retry with exponential backoff per key.</summary>
    public static ReconcileResult Backoff(string reason) => new(null, true, reason);
}
