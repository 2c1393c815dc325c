namespace SlackOperator.Kubernetes.LeaderElection;

/// <summary>What one try to acquire or renew the Lease found.</summary>
internal enum LeaseAttempt
{
    /// <summary>We hold the Lease now.</summary>
    Held,

    /// <summary>Another replica holds it and its lease has not run out.</summary>
    HeldByOther,

    /// <summary>The API failed or another write won (409); try again.</summary>
    Failed,
}
