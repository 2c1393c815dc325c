using System.Text;
using SlackOperator.Manifests;

namespace SlackOperator.Tests.Operator.Manifests;

public sealed class AliasExpansionTests
{
    [Fact]
    public void Parse_AnchorsNestedNineDeep_RefusedWithoutExpandingThem()
    {
        // 10^10 values in about 400 bytes: converting it would need hundreds of gigabytes.
        var yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = $"*l{level - 1}";
            yaml.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        var file = ManifestReader.Parse("bomb.yaml", yaml.ToString());

        Assert.Empty(file.Documents);
        Assert.Contains("document 1 stands for more than 100000 values through YAML aliases", file.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnchorReusedAFewTimes_Accepted()
    {
        const string yaml = """
            apiVersion: slackoperator.io/v1alpha1
            kind: SlackBot
            metadata: {name: bot}
            spec:
              behaviours:
                - reply: &hello {when: {equals: hello}, text: hi}
                - reply: *hello
            """;

        var file = ManifestReader.Parse("ok.yaml", yaml);

        Assert.Null(file.Error);
        Assert.Single(file.Documents);
    }
}
