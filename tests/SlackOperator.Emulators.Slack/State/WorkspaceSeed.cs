namespace SlackOperator.Emulators.Slack.State;

/// <summary>The default workspace the demo's Secrets and the tests rely on.</summary>
internal static class WorkspaceSeed
{
    public const string BotName = "kittenbot";
    public const string BotToken = "xoxb-emulator-kittenbot";
    public const string AppToken = "xapp-1-emulator-kittenbot";

    public static void Apply(Workspace workspace)
    {
        var alice = workspace.AddUser("alice", false, "U0ALICE");
        var bob = workspace.AddUser("bob", false, "U0BOB");
        workspace.AddChannel(Workspace.GeneralName, false, [alice.Id, bob.Id], "C0GENERAL");
        workspace.AddChannel("random", false, [alice.Id, bob.Id], "C0RANDOM");
        workspace.AddApp(BotName, BotToken, AppToken);
    }

    /// <summary>Tokens follow the seed's pattern so scripts can name them without reading them back.</summary>
    public static (string Bot, string App) DefaultTokens(string botName)
    {
        var stem = new string([.. botName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return ($"xoxb-emulator-{stem}", $"xapp-1-emulator-{stem}");
    }
}
