namespace SlackOperator.Emulators.Slack.Tests.Support;

/// <summary>Starts emulators with timings short enough for tests.</summary>
internal static class TestEmulator
{
    public const string BotToken = "xoxb-emulator-kittenbot";
    public const string AppToken = "xapp-1-emulator-kittenbot";
    public const string AppId = "A0KITTENBOT";

    public static Task<SlackEmulator> StartAsync(
        TimeSpan? ackTimeout = null, int maxRetries = 3, CapturingLoggerProvider? logs = null) =>
        SlackEmulator.StartAsync(new SlackEmulatorOptions
        {
            AckTimeout = ackTimeout ?? TimeSpan.FromSeconds(3),
            MaxRetries = maxRetries,
            DisconnectGrace = TimeSpan.FromSeconds(2),
            LoggerProvider = logs,
        });
}
