using System.Text;
using k8s.Models;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Informers;
using SlackOperator.Reconciliation;

namespace SlackOperator.Tests.Operator.Reconciliation;

public sealed class TokenResolverTests
{
    private const string BotToken = "xoxb-1111-2222-abcdef";
    private const string AppToken = "xapp-1-A1-3333-abcdef";

    private readonly EntityCache<V1Secret> _secrets = new();

    [Fact]
    public void Resolve_BothTokensPresent_ReturnsThem()
    {
        AddSecret("slack", ("bot-token", BotToken), ("app-token", AppToken));

        var (tokens, problem) = CreateSut().Resolve(Bot());

        Assert.Equal((BotToken, AppToken, (string?)null), (tokens?.BotToken, tokens?.AppToken, problem?.Reason));
    }

    [Fact]
    public void Resolve_TokensWithTrailingNewline_TrimsThem()
    {
        AddSecret("slack", ("bot-token", BotToken + "\n"), ("app-token", $"  {AppToken}\r\n"));

        var (tokens, _) = CreateSut().Resolve(Bot());

        Assert.Equal((BotToken, AppToken), (tokens?.BotToken, tokens?.AppToken));
    }

    [Fact]
    public void Resolve_SecretMissing_SecretNotFound()
    {
        var (_, problem) = CreateSut().Resolve(Bot());

        Assert.Equal(Reasons.SecretNotFound, problem?.Reason);
    }

    [Fact]
    public void Resolve_SecretMissing_MessageNamesSecretAndKey()
    {
        var (_, problem) = CreateSut().Resolve(Bot());

        var message = problem?.Message ?? "";
        Assert.True(message.Contains("bots/slack", StringComparison.Ordinal)
            && message.Contains("bot-token", StringComparison.Ordinal), message);
    }

    [Fact]
    public void Resolve_KeyMissing_SecretKeyNotFound()
    {
        AddSecret("slack", ("token", BotToken));

        var (_, problem) = CreateSut().Resolve(Bot());

        Assert.Equal(Reasons.SecretKeyNotFound, problem?.Reason);
    }

    [Fact]
    public void Resolve_KeyMissing_MessageNamesSecretKeyAndKeysPresent()
    {
        AddSecret("slack", ("token", BotToken), ("other", "x"));

        var (_, problem) = CreateSut().Resolve(Bot());

        var message = problem?.Message ?? "";
        Assert.True(message.Contains("bots/slack", StringComparison.Ordinal)
            && message.Contains("\"bot-token\"", StringComparison.Ordinal)
            && message.Contains("other, token", StringComparison.Ordinal), message);
    }

    [Fact]
    public void Resolve_AppSecretMissing_MessageNamesAppTokenField()
    {
        AddSecret("slack", ("bot-token", BotToken));

        var (_, problem) = CreateSut().Resolve(Bot(appSecret: "slack-app"));

        var message = problem?.Message ?? "";
        Assert.True(message.Contains("bots/slack-app", StringComparison.Ordinal)
            && message.Contains("spec.appToken", StringComparison.Ordinal), message);
    }

    [Fact]
    public void Resolve_TokenOnlyWhitespace_SecretKeyNotFound()
    {
        AddSecret("slack", ("bot-token", " \n"), ("app-token", AppToken));

        var (_, problem) = CreateSut().Resolve(Bot());

        Assert.Equal(Reasons.SecretKeyNotFound, problem?.Reason);
    }

    [Fact]
    public void Resolve_BinaryValue_MalformedTokenSaysItIsNotText()
    {
        AddSecret("slack", ("bot-token", "\u0000\u00ff\u0001PNG"), ("app-token", "xapp-1-A1-1-appapp"));

        var (_, problem) = CreateSut().Resolve(Bot());

        Assert.Equal(Reasons.MalformedToken, problem?.Reason);
        Assert.Contains("holds characters no token has (binary data?)", problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xoxp-1111-2222-userusers")]
    [InlineData("xapp-1-A1-1-appapp")]
    public void Resolve_BotTokenNotStartingWithXoxb_InvalidAuthNamingTheKeyButNotTheValue(string value)
    {
        AddSecret("slack", ("bot-token", value), ("app-token", "xapp-1-A1-1-appapp"));

        var (tokens, problem) = CreateSut().Resolve(Bot());

        Assert.Equal((null, Reasons.InvalidAuth), (tokens, problem?.Reason));
        Assert.Contains("(spec.botToken) does not hold a bot token: it must start with xoxb-", problem!.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain(value, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AppTokenNotStartingWithXapp_InvalidAppToken()
    {
        AddSecret("slack", ("bot-token", BotToken), ("app-token", BotToken));

        var (tokens, problem) = CreateSut().Resolve(Bot());

        Assert.Equal((null, Reasons.InvalidAppToken), (tokens, problem?.Reason));
    }

    [Fact]
    public void Resolve_AppTokenNotStartingWithXapp_MessageShowsNoToken()
    {
        AddSecret("slack", ("bot-token", BotToken), ("app-token", BotToken));

        var (_, problem) = CreateSut().Resolve(Bot());

        var message = problem?.Message ?? "";
        Assert.False(message.Contains(BotToken, StringComparison.Ordinal), message);
    }

    [Fact]
    public void SecretsOf_Bot_NamesBothSecretsWithNamespace()
    {
        var secrets = TokenResolver.SecretsOf(Bot(appSecret: "slack-app"));

        Assert.Equal(["bots/slack", "bots/slack-app"], secrets);
    }

    [Fact]
    public void Resolve_EventsApiMode_SigningSecretAndNoAppToken()
    {
        AddSecret("slack", ("bot-token", BotToken), ("signing", " 8f7422abc\n"));

        var (tokens, problem) = CreateSut().Resolve(EventsBot());

        Assert.Equal((BotToken, null, "8f7422abc", (string?)null),
            (tokens?.BotToken, tokens?.AppToken, tokens?.SigningSecret, problem?.Reason));
    }

    [Fact]
    public void Resolve_EventsApiSigningSecretMissing_SecretKeyNotFoundNamingTheField()
    {
        AddSecret("slack", ("bot-token", BotToken));

        var (_, problem) = CreateSut().Resolve(EventsBot());

        Assert.Equal(Reasons.SecretKeyNotFound, problem?.Reason);
        Assert.Contains("spec.signingSecret.secretKeyRef.key", problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretsOf_EventsApiBot_NamesBotAndSigningSecrets()
    {
        var secrets = TokenResolver.SecretsOf(EventsBot(signingSecret: "signing-secret"));

        Assert.Equal(["bots/slack", "bots/signing-secret"], secrets);
    }

    private TokenResolver CreateSut() => new(_secrets);

    private static SlackBot EventsBot(string signingSecret = "slack")
    {
        var bot = Bot();
        bot.Spec.Mode = BotModes.EventsApi;
        bot.Spec.AppToken = null;
        bot.Spec.SigningSecret = new TokenSource
        {
            SecretKeyRef = new SecretKeySelector { Name = signingSecret, Key = "signing" },
        };
        return bot;
    }

    private void AddSecret(string name, params (string Key, string Value)[] data) =>
        _secrets.Upsert(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "bots" },
            Data = data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetBytes(d.Value)),
        });

    private static SlackBot Bot(string appSecret = "slack")
    {
        var bot = new SlackBot { Metadata = new V1ObjectMeta { Name = "kitten", NamespaceProperty = "bots" } };
        bot.Spec.BotToken.SecretKeyRef = new SecretKeySelector { Name = "slack", Key = "bot-token" };
        bot.Spec.AppToken = new TokenSource
        {
            SecretKeyRef = new SecretKeySelector { Name = appSecret, Key = "app-token" },
        };
        return bot;
    }
}
