using System.Text;
using System.Text.Json.Nodes;

namespace SlackOperator.Bench;

/// <summary>The objects the benchmark creates: namespaces, one token Secret per bot and the SlackBots.</summary>
internal static class Manifests
{
    public const string BotTokenKey = "bot-token";
    public const string AppTokenKey = "app-token";

    public static string NamespaceName(int index) => $"bench-{index}";

    public static string BotName(int index) => $"bot-{index:D5}";

    /// <summary>Letters and digits only, since the Slack emulator derives the token names from it.</summary>
    public static string AppName(int index) => $"bench{index:D5}";

    public static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    public static JsonObject Secret(string ns, string name, string botToken, string appToken) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["type"] = "Opaque",
        ["data"] = new JsonObject
        {
            [BotTokenKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(botToken)),
            [AppTokenKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(appToken)),
        },
    };

    /// <summary>Like samples/kittenbot.yaml: #general (every emulated app is a member) with one reply.</summary>
    public static JsonObject SlackBot(string ns, string name, string secretName) => new()
    {
        ["apiVersion"] = "slackoperator.io/v1alpha1",
        ["kind"] = "SlackBot",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["botToken"] = SecretRef(secretName, BotTokenKey),
            ["appToken"] = SecretRef(secretName, AppTokenKey),
            ["channels"] = new JsonArray(new JsonObject
            {
                ["name"] = "general",
                ["behaviours"] = new JsonArray(new JsonObject
                {
                    ["reply"] = new JsonObject
                    {
                        ["when"] = new JsonObject { ["contains"] = "hello" },
                        ["text"] = "Hello {{user}}!",
                    },
                }),
            }),
        },
    };

    private static JsonObject SecretRef(string name, string key) =>
        new() { ["secretKeyRef"] = new JsonObject { ["name"] = name, ["key"] = key } };
}
