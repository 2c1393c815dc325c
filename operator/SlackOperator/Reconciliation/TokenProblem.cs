namespace SlackOperator.Reconciliation;

/// <summary>Why a token could not be used: a condition reason and a message that says what to fix.</summary>
internal sealed record TokenProblem(string Reason, string Message);
