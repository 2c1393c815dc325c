using SlackOperator.Behaviours;
using SlackOperator.Entities;
using SlackOperator.Validation;

namespace SlackOperator.Tests.Operator.Validation;

public sealed class SpecValidatorModeTests
{
    [Fact]
    public void Validate_EventsApiWithoutSigningSecret_ProblemAtSpecSigningSecret()
    {
        var spec = Spec(BotModes.EventsApi);

        var problems = CreateSut().Validate(spec);

        var problem = Assert.Single(problems);
        Assert.Equal("spec.signingSecret", problem.Path);
        Assert.StartsWith("Required value", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EventsApiWithSigningSecretAndNoAppToken_Valid()
    {
        var spec = Spec(BotModes.EventsApi);
        spec.SigningSecret = Ref("signing");

        Assert.Empty(CreateSut().Validate(spec));
    }

    [Fact]
    public void Validate_SocketModeByDefaultWithoutAppToken_ProblemAtSpecAppToken()
    {
        var problems = CreateSut().Validate(Spec(mode: null));

        Assert.Equal(["spec.appToken"], problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_UnknownMode_ProblemAtSpecMode()
    {
        var spec = Spec("Webhooks");
        spec.AppToken = Ref("app");

        var problems = CreateSut().Validate(spec);

        Assert.Equal(["spec.mode"], problems.Select(p => p.Path));
    }

    private static SpecValidator CreateSut() => new(new ForwardUrlPolicy(allowLoopback: false));

    private static SlackBotSpec Spec(string? mode) => new() { Mode = mode, BotToken = Ref("bot") };

    private static TokenSource Ref(string name) =>
        new() { SecretKeyRef = new SecretKeySelector { Name = name, Key = "key" } };
}
