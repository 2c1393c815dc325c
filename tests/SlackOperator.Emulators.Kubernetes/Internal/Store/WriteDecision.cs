using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Store;

/// <summary>What a read-modify-write callback wants the store to do.</summary>
internal abstract record WriteDecision
{
    public static WriteDecision Put(JsonObject obj) => new PutDecision(obj);

    public static WriteDecision Remove(JsonObject obj) => new RemoveDecision(obj);
}

internal sealed record PutDecision(JsonObject Object) : WriteDecision;

internal sealed record RemoveDecision(JsonObject Object) : WriteDecision;
