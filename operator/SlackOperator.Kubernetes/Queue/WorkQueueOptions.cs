using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Kubernetes.Queue;

/// <summary>How failed keys back off and how fast the queue may hand out retries overall.</summary>
public sealed class WorkQueueOptions
{
    /// <summary>Delay after the first failure of a key; it doubles per further failure.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Longest delay for one key.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(1000);

    /// <summary>Retries per second across all keys (a token bucket; client-go uses 10).</summary>
    [Range(1, 100000)]
    public int RetriesPerSecond { get; set; } = 10;

    /// <summary>Retries allowed in a burst above <see cref="RetriesPerSecond"/> (client-go uses 100).</summary>
    [Range(1, 100000)]
    public int RetryBurst { get; set; } = 100;
}
