using System.Net;

namespace SlackOperator.Kubernetes.Api;

/// <summary>A request the API server answered with an error <c>Status</c>.</summary>
public sealed class KubernetesApiException : Exception
{
    public KubernetesApiException(
        HttpStatusCode statusCode, string? reason, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        StatusCode = statusCode;
        Reason = reason;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status, e.g. 404, 409, 410.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The Status reason (NotFound, Conflict, Expired...), when the server gave one.</summary>
    public string? Reason { get; }

    /// <summary>The server's Retry-After, when it sent one (429, 5xx).</summary>
    public TimeSpan? RetryAfter { get; }
}
