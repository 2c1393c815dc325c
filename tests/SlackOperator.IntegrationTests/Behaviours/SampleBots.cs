using SlackOperator.Emulators.Slack;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Behaviours;

/// <summary>
/// Applies a sample from <c>samples/</c> with kubectl in a namespace of its own: a Slack app for the bot, its
/// channel, and the two token Secrets made with <c>--from-file</c> under the names the sample expects. An
/// <c>instance</c> lets one environment hold the same sample twice (its own namespace, app and tokens).
/// </summary>
public static class SampleBots
{
    public static async Task<EmulatedApp> ApplySampleAsync(
        this OperatorEnvironment env, string sample, string bot, string? channel, bool botInChannel = true,
        Func<string, string>? adapt = null, string? instance = null)
    {
        var suffix = instance is null ? "" : "-" + instance;
        var ns = $"sample-{Path.GetFileNameWithoutExtension(sample)}{suffix}";
        var app = instance is null
            ? env.Slack.AddApp(bot)
            : env.Slack.AddApp(bot, $"xoxb-emulator-{bot}{suffix}", $"xapp-1-emulator-{bot}{suffix}");
        if (channel is not null)
        {
            env.Slack.AddChannel(channel, memberIds: botInChannel ? [app.BotUserId] : []);
        }

        var folder = Directory.CreateDirectory(Path.Combine(env.WorkDirectory, ns)).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "slack-token"), app.BotToken + "\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "slack-app-token"), app.AppToken + "\n");
        var manifest = await File.ReadAllTextAsync(RepoPaths.Of("samples", sample));
        await File.WriteAllTextAsync(Path.Combine(folder, sample), adapt is null ? manifest : adapt(manifest));

        await env.Kubectl.OkAsync("create", "namespace", ns);
        await env.Kubectl.OkAsync("-n", ns, "create", "secret", "generic", "slack-token",
            "--from-file=" + Path.Combine(folder, "slack-token"));
        await env.Kubectl.OkAsync("-n", ns, "create", "secret", "generic", "slack-app-token",
            "--from-file=" + Path.Combine(folder, "slack-app-token"));
        await env.Kubectl.OkAsync("-n", ns, "apply", "-f", Path.Combine(folder, sample));
        await env.Kubectl.OkAsync("-n", ns, "wait", "--for=condition=Ready", $"slackbot/{bot}", "--timeout=30s");
        return app;
    }

    public static double Ts(string ts) => double.Parse(ts, System.Globalization.CultureInfo.InvariantCulture);
}
