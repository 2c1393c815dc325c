using System.Diagnostics.CodeAnalysis;

namespace SlackOperator.Slack.WebApi;

/// <summary>The outcome of a Web API call: a value or a <see cref="SlackError"/>, never an exception.</summary>
public readonly record struct SlackResult<T>
{
    private SlackResult(T? value, SlackError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The answer when the call succeeded.</summary>
    public T? Value { get; }

    /// <summary>The error when the call failed.</summary>
    public SlackError? Error { get; }

    /// <summary>True when the call succeeded and <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Error is null;

    /// <summary>A successful result.</summary>
    public static SlackResult<T> Ok(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static SlackResult<T> Fail(SlackError error) => new(default, error);
}
