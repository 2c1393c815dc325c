using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Api;

/// <summary>An API failure that becomes a Status response.</summary>
internal sealed class ApiException(int code, string reason, string message, JsonObject? details = null)
    : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject? Details { get; } = details;

    public JsonObject ToStatus() => StatusFactory.Failure(Code, Reason, Message, Details);
}
