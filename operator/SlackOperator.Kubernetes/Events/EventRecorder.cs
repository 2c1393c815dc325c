using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SlackOperator.Kubernetes.Api;

namespace SlackOperator.Kubernetes.Events;

/// <summary>
/// Records Kubernetes Events about objects. A repeat of the same reason and message for the same object within
/// <see cref="AggregationWindow"/> bumps the existing Event's count instead of creating another.
/// </summary>
public sealed partial class EventRecorder
{
    /// <summary>How long a repeat is folded into the earlier Event.</summary>
    public static readonly TimeSpan AggregationWindow = TimeSpan.FromMinutes(10);

    private readonly KubernetesApi _api;
    private readonly TimeProvider _time;
    private readonly ILogger<EventRecorder> _logger;
    private readonly string _component;
    private readonly ConcurrentDictionary<string, RecordedEvent> _recent = new();

    public EventRecorder(KubernetesApi api, TimeProvider time, ILogger<EventRecorder> logger, string component)
    {
        _api = api;
        _time = time;
        _logger = logger;
        _component = component;
    }

    /// <summary>Records an event; failures are logged, never thrown, since events are best effort.</summary>
    public async Task RecordAsync(
        IKubernetesObject<V1ObjectMeta> subject, string type, string reason, string message,
        CancellationToken cancellationToken)
    {
        var key = $"{subject.Metadata.Uid}|{type}|{reason}|{message}";
        var now = _time.GetUtcNow().UtcDateTime;
        try
        {
            if (_recent.TryGetValue(key, out var recent) && now - recent.Last < AggregationWindow)
            {
                await BumpAsync(subject, key, recent, now, cancellationToken).ConfigureAwait(false);
                return;
            }

            var created = await _api.CreateAsync(ResourceType.Events, subject.Metadata.NamespaceProperty,
                NewEvent(subject, type, reason, message, now), cancellationToken).ConfigureAwait(false);
            _recent[key] = new RecordedEvent(created.Metadata.Name, 1, now);
            Prune(now);
        }
        catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException)
        {
            LogFailed(_logger, ex, reason, subject.Metadata.Name);
        }
    }

    private async Task BumpAsync(
        IKubernetesObject<V1ObjectMeta> subject, string key, RecordedEvent recent, DateTime now,
        CancellationToken cancellationToken)
    {
        var count = recent.Count + 1;
        var patch = KubeJson.Serialize(new { count, lastTimestamp = now });
        await _api.MergePatchAsync<Corev1Event>(ResourceType.Events, subject.Metadata.NamespaceProperty,
            recent.Name, patch, cancellationToken).ConfigureAwait(false);
        _recent[key] = recent with { Count = count, Last = now };
    }

    private Corev1Event NewEvent(
        IKubernetesObject<V1ObjectMeta> subject, string type, string reason, string message, DateTime now) => new()
    {
        ApiVersion = "v1",
        Kind = "Event",
        Metadata = new V1ObjectMeta
        {
            Name = EventName(subject.Metadata.Name),
            NamespaceProperty = subject.Metadata.NamespaceProperty,
        },
        InvolvedObject = new V1ObjectReference
        {
            ApiVersion = subject.ApiVersion,
            Kind = subject.Kind,
            Name = subject.Metadata.Name,
            NamespaceProperty = subject.Metadata.NamespaceProperty,
            Uid = subject.Metadata.Uid,
            ResourceVersion = subject.Metadata.ResourceVersion,
        },
        Type = type,
        Reason = reason,
        Message = message.Length > 1024 ? message[..1024] : message,
        Source = new V1EventSource { Component = _component },
        ReportingComponent = _component,
        FirstTimestamp = now,
        LastTimestamp = now,
        Count = 1,
    };

    private void Prune(DateTime now)
    {
        foreach (var (key, recent) in _recent)
        {
            if (now - recent.Last >= AggregationWindow)
            {
                _recent.TryRemove(key, out _);
            }
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Could not record event {Reason} on {Name}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason, string name);

    private sealed record RecordedEvent(string Name, int Count, DateTime Last);

    /// <summary>
    /// The subject's name, a dot and 16 random hex digits, within the 253 characters a name may have. The suffix
    /// keeps two events of one subject apart, so a long subject name gives way rather than it (and loses any
    /// '-' or '.' the cut leaves at its end, so the name stays a valid DNS subdomain).
    /// </summary>
    internal static string EventName(string subject)
    {
        const int maxNameLength = 253;
        const int suffixLength = 17;
        var kept = subject.Length <= maxNameLength - suffixLength
            ? subject
            : subject[..(maxNameLength - suffixLength)].TrimEnd('-', '.');
        return $"{kept}.{Guid.NewGuid().ToString("N")[..16]}";
    }
}
