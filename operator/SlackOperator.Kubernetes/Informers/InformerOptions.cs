namespace SlackOperator.Kubernetes.Informers;

/// <summary>How informers list and watch.</summary>
public sealed class InformerOptions
{
    /// <summary>
    /// Shortest server-side watch timeout; each watch asks for a random value between this and twice this,
    /// so thousands of watches do not all restart together (client-go does the same).
    /// </summary>
    public TimeSpan MinWatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First delay after a failed list or watch; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Longest delay between failed attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
