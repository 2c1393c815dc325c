using System.Text.Json;
using System.Text.RegularExpressions;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Packaging;

/// <summary>
/// The container image cannot be built here (no container engine), so this proves its parts: the Dockerfile runs
/// deploy/publish.sh, that script publishes a program that starts, and the runtime image carries every shared
/// framework the program asks for.
/// </summary>
public sealed partial class PublishTests : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    /// <summary>What mcr.microsoft.com/dotnet/aspnet ships; runtime:10.0 would lack Microsoft.AspNetCore.App.</summary>
    private static readonly string[] AspNetImageFrameworks = ["Microsoft.NETCore.App", "Microsoft.AspNetCore.App"];

    private readonly string _work = Directory.CreateTempSubdirectory("slackop-publish-").FullName;

    [Fact]
    public void Dockerfile_BuildStage_RunsThePublishScriptAndStartsSlackOperatorRun()
    {
        var dockerfile = File.ReadAllText(RepoPaths.Of("Dockerfile"));

        Assert.Matches(PublishStep(), dockerfile);
        Assert.Matches(RuntimeBase(), dockerfile);
        Assert.Contains("ENTRYPOINT [\"/app/slack-operator\", \"run\"]", dockerfile, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^USER \$APP_UID$", dockerfile);
    }

    [Fact]
    public async Task PublishScript_AsTheDockerfileRunsIt_ProgramStartsAndAnswersHelp()
    {
        var output = Path.Combine(_work, "app");

        var publish = await ProgramRun.RunAsync(RepoPaths.Of("deploy", "publish.sh"),
            [output, Path.Combine(_work, "build")], PublishTimeout, RepoPaths.Root);
        Assert.True(publish.ExitCode == 0, "deploy/publish.sh failed: " + publish.Describe());
        var help = await ProgramRun.RunAsync(Path.Combine(output, "slack-operator"), ["--help"],
            TimeSpan.FromSeconds(60));

        Assert.True(help.ExitCode == 0, "slack-operator --help: " + help.Describe());
        Assert.Matches(@"(?m)^\s+run\s", help.Stdout);
        Assert.Matches(@"(?m)^\s+crd\s", help.Stdout);
        var missing = FrameworksOf(output).Except(AspNetImageFrameworks).ToList();
        Assert.True(missing.Count == 0, "the runtime image lacks: " + string.Join(", ", missing));
        Assert.Empty(Directory.GetFiles(output, "*.pdb"));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static IEnumerable<string> FrameworksOf(string output)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(output,
            "slack-operator.runtimeconfig.json")));
        var options = config.RootElement.GetProperty("runtimeOptions");
        return options.TryGetProperty("frameworks", out var frameworks)
            ? [.. frameworks.EnumerateArray().Select(f => f.GetProperty("name").GetString()!)]
            : [options.GetProperty("framework").GetProperty("name").GetString()!];
    }

    [GeneratedRegex(@"(?m)^RUN deploy/publish\.sh /app \S+$")]
    private static partial Regex PublishStep();

    [GeneratedRegex(@"(?m)^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0\S*$")]
    private static partial Regex RuntimeBase();
}
