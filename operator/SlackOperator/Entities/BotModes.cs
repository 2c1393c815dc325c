namespace SlackOperator.Entities;

/// <summary>The values of <see cref="SlackBotSpec.Mode"/>.</summary>
public static class BotModes
{
    /// <summary>The operator opens a Socket Mode WebSocket with the app token (the default).</summary>
    public const string SocketMode = "SocketMode";

    /// <summary>Slack posts events to the operator's HTTP port, signed with the signing secret.</summary>
    public const string EventsApi = "EventsApi";

    /// <summary>True when the spec asks for the Events API; an absent mode means Socket Mode.</summary>
    public static bool IsEventsApi(SlackBotSpec spec) => spec.Mode == EventsApi;

    /// <summary>The path of the operator's HTTP port where Slack posts a bot's events.</summary>
    public static string EventsPath(string? ns, string name) => $"/slack/events/{ns}/{name}";
}
