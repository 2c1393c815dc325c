using k8s.Models;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Kubernetes.Informers;

namespace SlackOperator.Hosting;

/// <summary>
/// The Secrets the operator caches: only those of type Opaque, which is what <c>kubectl create secret generic</c>
/// and most secret managers make. A cluster's other Secrets (Helm releases of up to 1 MiB each, service account
/// tokens, TLS pairs) are never read, so the operator's memory does not grow with them.
/// </summary>
internal static class WatchedSecrets
{
    public const string Type = "Opaque";

    public static Informer<V1Secret> Secrets(this SharedInformers informers, string? @namespace) =>
        informers.For<V1Secret>(ResourceType.Secrets, @namespace, $"type={Type}");
}
