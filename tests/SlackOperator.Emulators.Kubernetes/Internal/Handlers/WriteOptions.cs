namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>The query parameters that shape a write: fieldValidation and dryRun.</summary>
internal sealed record WriteOptions(string? FieldValidation, bool DryRun)
{
    public static readonly WriteOptions Default = new(null, false);
}
