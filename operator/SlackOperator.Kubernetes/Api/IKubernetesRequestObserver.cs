namespace SlackOperator.Kubernetes.Api;

/// <summary>Sees every API request: a place for the client-side rate limit and request metrics.</summary>
public interface IKubernetesRequestObserver
{
    /// <summary>Awaited before a request is sent; may delay it to keep the client under its rate limit.</summary>
    ValueTask BeforeRequestAsync(CancellationToken cancellationToken);

    /// <summary>Called with the HTTP status of each answer, 0 when no answer came.</summary>
    void OnResponse(string verb, ResourceType type, int statusCode);
}
