namespace SlackOperator.Kubernetes.Observability;

/// <summary>The metrics and health endpoint could not listen where it was told to (port taken, bad address).</summary>
public sealed class MetricsEndpointException : Exception
{
    public MetricsEndpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
