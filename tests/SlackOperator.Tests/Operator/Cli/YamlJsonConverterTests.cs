using SlackOperator.Manifests;

namespace SlackOperator.Tests.Operator.Cli;

public sealed class YamlJsonConverterTests
{
    [Theory]
    [InlineData("v: true", """{"v":true}""")]
    [InlineData("v: False", """{"v":false}""")]
    [InlineData("v: 'true'", """{"v":"true"}""")]
    [InlineData("v: yes", """{"v":"yes"}""")]
    [InlineData("v: 5", """{"v":5}""")]
    [InlineData("v: \"5\"", """{"v":"5"}""")]
    [InlineData("v: 0x1F", """{"v":31}""")]
    [InlineData("v: 1.5", """{"v":1.5}""")]
    [InlineData("v: ~", """{"v":null}""")]
    [InlineData("v:", """{"v":null}""")]
    [InlineData("v: !!str 12", """{"v":"12"}""")]
    [InlineData("v: 0 9 * * MON-FRI", """{"v":"0 9 * * MON-FRI"}""")]
    public void Parse_Core12Scalar_TypedAsJson(string yaml, string json)
    {
        var file = ManifestReader.Parse("x.yaml", yaml);

        Assert.Equal(json, Assert.Single(file.Documents).Json.ToJsonString());
    }

    [Fact]
    public void Parse_MalformedYaml_LineAndColumn()
    {
        var file = ManifestReader.Parse("x.yaml", "a: b\n  c: d: e\n");

        Assert.StartsWith("line 2, column 4: malformed YAML:", file.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_Error()
    {
        var file = ManifestReader.Parse("x.yaml", "a: 1\na: 2\n");

        Assert.Contains("line 2", file.Error, StringComparison.Ordinal);
    }
}
