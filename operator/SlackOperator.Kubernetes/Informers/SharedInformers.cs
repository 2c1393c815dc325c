using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackOperator.Kubernetes.Api;

namespace SlackOperator.Kubernetes.Informers;

/// <summary>One informer per resource type, namespace and field selector, however many consumers ask for it.
/// </summary>
public sealed class SharedInformers
{
    private readonly ConcurrentDictionary<(ResourceType, string?, string?), object> _informers = new();
    private readonly KubernetesApi _api;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    public SharedInformers(
        KubernetesApi api, IOptions<InformerOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        _api = api;
        _options = options.Value;
        _time = time;
        _loggers = loggers;
    }

    /// <summary>The informer of <paramref name="type"/> in <paramref name="namespace"/> (null: all), of the
    /// objects <paramref name="fieldSelector"/> selects (null: all).</summary>
    public Informer<T> For<T>(ResourceType type, string? @namespace, string? fieldSelector = null)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        (Informer<T>)_informers.GetOrAdd((type, @namespace, fieldSelector), _ => new Informer<T>(
            _api, type, @namespace, _options, _time, _loggers.CreateLogger<Informer<T>>(), fieldSelector));
}
