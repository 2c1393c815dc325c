using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Validation;

/// <summary>The invalid-manifest corpus through the third check, <c>slack-operator validate</c>, as CI runs it.
/// </summary>
public sealed class ValidateCommandTests
{
    public static TheoryData<string> All => InvalidManifest.Names(api: null);

    [Theory]
    [MemberData(nameof(All))]
    public async Task Validate_InvalidManifest_PrintsTheFieldAndExits1(string name)
    {
        var manifest = InvalidManifest.Named(name);

        var (code, output) = await ValidateCli.RunAsync("validate", manifest.Path);

        Assert.True(code == 1, $"exit code {code}; output:\n{output}");
        var line = output.Split('\n').FirstOrDefault(l => l.Contains(manifest.Expect, StringComparison.Ordinal));
        Assert.True(line is not null, $"no line says \"{manifest.Expect}\"; output:\n{output}");
        Assert.StartsWith($"{manifest.Path}: document 1 (SlackBot invalid): spec", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Samples_Exits0()
    {
        var (code, output) = await ValidateCli.RunAsync("validate", RepoPaths.Of("samples"));

        Assert.True(code == 0, $"exit code {code}; output:\n{output}");
        Assert.Matches(@"\d+ SlackBots in \d+ files: valid", output);
    }

    [Fact]
    public async Task Validate_CorpusDirectory_OneLinePerProblemNoStackTrace()
    {
        var (code, output) = await ValidateCli.RunAsync("validate", InvalidManifest.Directory);

        Assert.Equal(1, code);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.All(InvalidManifest.All(), m => Assert.Contains(m.Expect, output, StringComparison.Ordinal));
    }
}
