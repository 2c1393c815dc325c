using SlackOperator.Cli;

namespace SlackOperator.Tests.Operator.Cli;

/// <summary><c>simulate</c> and <c>validate</c> on what a user may hand them: one line saying what to do, never a
/// stack trace, and the right exit code.</summary>
public sealed class ManifestCommandsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("slackop-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Simulate_HelloToOneBot_PrintsTheReply()
    {
        var file = Write("bot.yaml", Bot("kittenbot"));

        var (code, output) = Simulate(file);

        Assert.Equal(0, code);
        Assert.Contains("Hello <@U0SIMUSER>!", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_DirectoryOfTwoBots_NamesThemAndAsksForOne()
    {
        Write("a.yaml", Bot("first"));
        Write("b.yaml", Bot("second"));

        var (code, output) = Simulate(_dir.FullName);

        Assert.Equal(1, code);
        Assert.Contains("2 SlackBots here (first, second); simulate runs one", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_FileWithTwoBots_RefusedRatherThanRunningTheFirst()
    {
        var file = Write("two.yaml", Bot("first") + "---\n" + Bot("second"));

        var (code, output) = Simulate(file);

        Assert.Equal(1, code);
        Assert.Contains("2 SlackBots here", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MisspeltKind_NamesTheFix()
    {
        var file = Write("typo.yaml",
            Bot("typo").Replace("kind: SlackBot", "kind: Slackbot", StringComparison.Ordinal));

        var (code, output) = Validate(file);

        Assert.Equal(1, code);
        Assert.Contains("kind: \"Slackbot\" is not served by slackoperator.io/v1alpha1: set kind: SlackBot", output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SlackBotUnderAnotherApiVersion_NamesTheFix()
    {
        var file = Write("group.yaml", Bot("g").Replace("slackoperator.io/v1alpha1", "example.com/v1",
            StringComparison.Ordinal));

        var (code, output) = Validate(file);

        Assert.Equal(1, code);
        Assert.Contains("set apiVersion: slackoperator.io/v1alpha1 and kind: SlackBot", output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OtherKindsBesideASlackBot_Valid()
    {
        var file = Write("mixed.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n" + Bot("ok"));

        var (code, output) = Validate(file);

        Assert.True(code == 0, output);
    }

    [Fact]
    public void Validate_ListWrappingAnInvalidBot_ReportsTheBot()
    {
        var bot = Bot("listed").Replace("{contains: hello}", "{matches: \"(unclosed\"}", StringComparison.Ordinal);
        var item = string.Join("\n", bot.TrimEnd().Split('\n').Select((l, i) => (i == 0 ? "  - " : "    ") + l));
        var file = Write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n" + item + "\n");

        var (code, output) = Validate(file);

        Assert.Equal(1, code);
        Assert.Contains("document 1 (SlackBot listed): spec.channels[0].behaviours[0].reply.when.matches", output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameChannelNameInTwoCases_Duplicate()
    {
        var bot = Bot("cases")
            + "    - name: General\n      behaviours:\n        - reply: {when: {equals: hi}, text: yo}\n";

        var (code, output) = Validate(Write("cases.yaml", bot));

        Assert.Equal(1, code);
        Assert.Contains("spec.channels[1]: Duplicate value: #General is already declared at spec.channels[0]", output,
            StringComparison.Ordinal);
    }

    private static string Bot(string name) => $$$"""
        apiVersion: slackoperator.io/v1alpha1
        kind: SlackBot
        metadata:
          name: {{{name}}}
        spec:
          botToken: {secretKeyRef: {name: slack-token, key: slack-token}}
          appToken: {secretKeyRef: {name: slack-app-token, key: slack-app-token}}
          channels:
            - name: general
              behaviours:
                - reply: {when: {contains: hello}, text: "Hello {{user}}! :wave:"}

        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output) Simulate(string path)
    {
        using var output = new StringWriter();
        var code = SimulateCommand.Run(new SimulateRequest(path, "hello", "U0SIMUSER", null, null, false), output);
        return (code, output.ToString());
    }

    private static (int Code, string Output) Validate(string path)
    {
        using var output = new StringWriter();
        var code = ValidateCommand.Run([path], output);
        return (code, output.ToString());
    }
}
