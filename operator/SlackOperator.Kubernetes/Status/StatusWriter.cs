using System.Net;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SlackOperator.Kubernetes.Api;

namespace SlackOperator.Kubernetes.Status;

/// <summary>
/// Writes an object's status through the status subresource, only when it differs from what the object already
/// shows. A 409 (the object moved on since it was read) re-reads the object and tries again.
/// </summary>
public sealed partial class StatusWriter
{
    private const int MaxAttempts = 5;

    private readonly KubernetesApi _api;
    private readonly ILogger<StatusWriter> _logger;

    public StatusWriter(KubernetesApi api, ILogger<StatusWriter> logger)
    {
        _api = api;
        _logger = logger;
    }

    /// <summary>Writes <paramref name="status"/> unless equal; returns true when a write happened.</summary>
    public async Task<bool> WriteAsync<T, TStatus>(T entity, TStatus status, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>, IStatus<TStatus>
    {
        var type = ResourceType.For<T>();
        var desired = KubeJson.Serialize(status);
        var current = entity;
        for (var attempt = 1; ; attempt++)
        {
            if (KubeJson.Serialize(current.Status) == desired)
            {
                return false;
            }

            var copy = KubeJson.Deserialize<T>(KubeJson.Serialize(current));
            copy.Status = status;
            try
            {
                await _api.ReplaceStatusAsync(type, copy.Metadata.NamespaceProperty, copy.Metadata.Name, copy,
                    cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (KubernetesApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // Deleted while it was being reconciled: there is no status left to write.
                return false;
            }
            catch (KubernetesApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict && attempt < MaxAttempts)
            {
                LogConflict(_logger, copy.Metadata.Name, attempt);
                current = await _api.GetAsync<T>(type, copy.Metadata.NamespaceProperty, copy.Metadata.Name,
                    cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    return false;
                }
            }
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Debug,
        Message = "Status write of {Name} conflicted (attempt {Attempt}); re-reading")]
    private static partial void LogConflict(ILogger logger, string name, int attempt);
}
