namespace SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

/// <summary>What a kubectl run produced.</summary>
public sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
