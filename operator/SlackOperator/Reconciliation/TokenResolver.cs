using System.Text;
using k8s.Models;
using SlackOperator.Bots;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Informers;

namespace SlackOperator.Reconciliation;

/// <summary>Reads a SlackBot's tokens from the Secret cache, with messages that name the Secret and key.</summary>
internal sealed class TokenResolver
{
    private readonly EntityCache<V1Secret> _secrets;

    public TokenResolver(EntityCache<V1Secret> secrets) => _secrets = secrets;

    /// <summary>The tokens, or the first problem found.</summary>
    public (BotTokens? Tokens, TokenProblem? Problem) Resolve(SlackBot bot)
    {
        var ns = bot.Metadata.NamespaceProperty;
        var botToken = Read(ns, bot.Spec.BotToken.SecretKeyRef, "spec.botToken", out var problem);
        if (botToken is null)
        {
            return (null, problem);
        }

        if (!botToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            // A user token (xoxp-) would pass auth.test and run the bot as the person who made it.
            var where = Describe(ns, bot.Spec.BotToken.SecretKeyRef);
            return (null, new TokenProblem(Reasons.InvalidAuth,
                $"{where} (spec.botToken) does not hold a bot token: it must start with xoxb-. Copy the Bot " +
                "User OAuth Token from OAuth & Permissions"));
        }

        if (BotModes.IsEventsApi(bot.Spec))
        {
            return ResolveSigningSecret(bot, botToken);
        }

        if (bot.Spec.AppToken is null)
        {
            return (null, new TokenProblem(Reasons.SecretNotFound,
                "spec.appToken is not set: Socket Mode needs an app-level token from a Secret"));
        }

        var appToken = Read(ns, bot.Spec.AppToken.SecretKeyRef, "spec.appToken", out problem);
        if (appToken is null)
        {
            return (null, problem);
        }

        if (!appToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            var where = Describe(ns, bot.Spec.AppToken.SecretKeyRef);
            return (null, new TokenProblem(Reasons.InvalidAppToken,
                $"{where} (spec.appToken) does not hold an app-level token: it must start with xapp-. Create one " +
                "under Basic Information > App-Level Tokens with the connections:write scope"));
        }

        return (new BotTokens(botToken, appToken), null);
    }

    /// <summary>Index values for "which SlackBots use this Secret": namespace/name of both Secrets.</summary>
    public static IEnumerable<string> SecretsOf(SlackBot bot)
    {
        var ns = bot.Metadata.NamespaceProperty;
        yield return $"{ns}/{bot.Spec.BotToken.SecretKeyRef.Name}";
        if (bot.Spec.AppToken is { } app)
        {
            yield return $"{ns}/{app.SecretKeyRef.Name}";
        }

        if (bot.Spec.SigningSecret is { } signing)
        {
            yield return $"{ns}/{signing.SecretKeyRef.Name}";
        }
    }

    private (BotTokens? Tokens, TokenProblem? Problem) ResolveSigningSecret(SlackBot bot, string botToken)
    {
        if (bot.Spec.SigningSecret is null)
        {
            return (null, new TokenProblem(Reasons.SecretNotFound,
                "spec.signingSecret is not set: the Events API mode needs the app's signing secret from a Secret"));
        }

        var ns = bot.Metadata.NamespaceProperty;
        var secret = Read(ns, bot.Spec.SigningSecret.SecretKeyRef, "spec.signingSecret", out var problem);
        return secret is null ? (null, problem) : (new BotTokens(botToken, null, secret), null);
    }

    private string? Read(string ns, SecretKeySelector selector, string field, out TokenProblem? problem)
    {
        problem = null;
        if (!_secrets.TryGet(new EntityKey(ns, selector.Name), out var secret))
        {
            problem = new TokenProblem(Reasons.SecretNotFound,
                $"Secret {ns}/{selector.Name} ({field}.secretKeyRef.name) not found among Secrets of type Opaque: " +
                $"create it, e.g. kubectl -n {ns} create secret generic {selector.Name} --from-file={selector.Key}");
            return null;
        }

        if (secret.Data is null || !secret.Data.TryGetValue(selector.Key, out var bytes))
        {
            var keys = secret.Data is { Count: > 0 } ? string.Join(", ", secret.Data.Keys.Order()) : "none";
            problem = new TokenProblem(Reasons.SecretKeyNotFound,
                $"Secret {ns}/{selector.Name} has no key \"{selector.Key}\" ({field}.secretKeyRef.key); " +
                $"its keys are: {keys}");
            return null;
        }

        var token = Encoding.UTF8.GetString(bytes).Trim();
        if (token.Length == 0)
        {
            problem = new TokenProblem(Reasons.SecretKeyNotFound,
                $"Secret {ns}/{selector.Name} key \"{selector.Key}\" ({field}.secretKeyRef.key) is empty");
            return null;
        }

        // A token is one word of printable ASCII; anything else (two lines pasted together, a header, a binary
        // file) cannot be sent to Slack.
        var where = $"Secret {ns}/{selector.Name} key \"{selector.Key}\" ({field}.secretKeyRef.key)";
        if (token.Any(c => !char.IsAscii(c) || (char.IsControl(c) && !char.IsWhiteSpace(c))))
        {
            problem = new TokenProblem(Reasons.MalformedToken,
                $"{where} holds characters no token has (binary data?): a token is a single line of plain text");
            return null;
        }

        if (token.Any(char.IsWhiteSpace))
        {
            problem = new TokenProblem(Reasons.MalformedToken,
                $"{where} holds more than one word: a token is a single line without spaces");
            return null;
        }

        return token;
    }

    private static string Describe(string ns, SecretKeySelector selector) =>
        $"Secret {ns}/{selector.Name} key \"{selector.Key}\"";
}
