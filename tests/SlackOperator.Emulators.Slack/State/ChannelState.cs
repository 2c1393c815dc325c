namespace SlackOperator.Emulators.Slack.State;

/// <summary>A conversation with its members and history; mutated under the workspace lock.</summary>
internal sealed class ChannelState
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public bool IsPrivate { get; init; }

    /// <summary>Set for a direct message: the user at the other end from the bot (the IM's <c>user</c>).</summary>
    public string? ImUser { get; init; }

    public bool IsIm => ImUser is not null;

    public bool IsArchived { get; set; }

    public long Created { get; init; }

    /// <summary>Creation order for listings; <see cref="Created"/> has only seconds.</summary>
    public int Order { get; init; }

    public required string Creator { get; init; }

    public HashSet<string> Members { get; } = [];

    public List<MessageState> Messages { get; } = [];

    public string ChannelType => IsIm ? "im" : IsPrivate ? "group" : "channel";
}
