namespace SlackOperator.Kubernetes.Api;

/// <summary>A list answer: the items and the resourceVersion to watch from.</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, string ResourceVersion);
