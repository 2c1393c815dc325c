using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SlackOperator.Kubernetes.Api;

/// <summary>Keeps requests under the client-side rate limit and counts them by verb, resource and code.</summary>
public sealed class ApiRequestObserver : IKubernetesRequestObserver, IDisposable
{
    private readonly TokenBucketRateLimiter _limiter;

    public ApiRequestObserver(IOptions<KubernetesClientOptions> options)
    {
        var value = options.Value;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = value.Burst,
            TokensPerPeriod = Math.Max(1, value.Qps / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <inheritdoc/>
    public async ValueTask BeforeRequestAsync(CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void OnResponse(string verb, ResourceType type, int statusCode) =>
        RuntimeMetrics.ApiRequests.Add(1, new("verb", verb), new("resource", type.Plural), new("code", statusCode));

    /// <inheritdoc/>
    public void Dispose() => _limiter.Dispose();
}
