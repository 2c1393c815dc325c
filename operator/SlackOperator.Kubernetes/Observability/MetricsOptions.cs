using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;

namespace SlackOperator.Kubernetes.Observability;

/// <summary>Where <c>/metrics</c>, <c>/healthz</c> and <c>/readyz</c> are served.</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Metrics";

    /// <summary>The TCP port; 0 picks a free one (tests use that).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8080;

    /// <summary>The IP address to listen on; <c>0.0.0.0</c> so Prometheus and the kubelet reach the pod.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>True when <see cref="BindAddress"/> is an IP address (host names are not resolved).</summary>
    public bool HasValidBindAddress => IPAddress.TryParse(BindAddress, out _);

    /// <summary>The <c>--metrics-port</c> and <c>--metrics-bind-address</c> flags as configuration keys.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ToConfiguration(int? port, string? bindAddress)
    {
        if (port is { } value)
        {
            yield return new($"{SectionName}:{nameof(Port)}", value.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(bindAddress))
        {
            yield return new($"{SectionName}:{nameof(BindAddress)}", bindAddress);
        }
    }
}
