using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Kubernetes.LeaderElection;

/// <summary>
/// How replicas elect the one that does the work, on a <c>coordination.k8s.io/v1</c> Lease. The timings have
/// client-go's meaning and defaults.
/// </summary>
public sealed class LeaderElectionOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "LeaderElection";

    /// <summary>Whether to elect a leader at all; false runs the work at once, as for a single replica.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The Lease's name; every replica of one deployment must use the same.</summary>
    [Required]
    public string LeaseName { get; set; } = "slack-operator";

    /// <summary>
    /// The Lease's namespace; default: the pod's own (<c>POD_NAMESPACE</c>, then the service account's namespace
    /// file), else <c>default</c>.
    /// </summary>
    [Required]
    public string LeaseNamespace { get; set; } = LeaseDefaults.Namespace();

    /// <summary>This replica's name in the Lease; default: the host name and a short random suffix.</summary>
    [Required]
    public string Identity { get; set; } = LeaseDefaults.Identity();

    /// <summary>How long a standby waits, after it last saw the Lease change, before it takes over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leading (and stops the work).</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often to try to acquire or renew.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryPeriod <= TimeSpan.Zero)
        {
            yield return new ValidationResult("RetryPeriod must be positive", [nameof(RetryPeriod)]);
        }

        if (RenewDeadline <= RetryPeriod)
        {
            yield return new ValidationResult("RenewDeadline must be longer than RetryPeriod", [nameof(RenewDeadline)]);
        }

        // The leader must have stopped working before a standby may consider the Lease expired.
        if (LeaseDuration <= RenewDeadline)
        {
            yield return new ValidationResult(
                "LeaseDuration must be longer than RenewDeadline", [nameof(LeaseDuration), nameof(RenewDeadline)]);
        }
    }
}
