namespace SlackOperator.Emulators.Kubernetes.Internal.Validation;

/// <summary>One validation failure, in the shape of a Status cause.</summary>
internal sealed record FieldError(string Field, string Reason, string Message);
