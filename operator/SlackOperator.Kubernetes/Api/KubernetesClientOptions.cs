using System.ComponentModel.DataAnnotations;

namespace SlackOperator.Kubernetes.Api;

/// <summary>How the operator reaches the API server.</summary>
public sealed class KubernetesClientOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Kubernetes";

    /// <summary>
    /// A kubeconfig file; when empty, $KUBECONFIG, then the in-cluster service account, then ~/.kube/config.
    /// </summary>
    public string? Kubeconfig { get; set; }

    /// <summary>Sustained requests per second this process may send (client-side rate limit).</summary>
    [Range(1, 10000)]
    public int Qps { get; set; } = 200;

    /// <summary>Requests allowed in a burst above <see cref="Qps"/>.</summary>
    [Range(1, 10000)]
    public int Burst { get; set; } = 400;
}
