using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

/// <summary>Objects the tests create over HTTP.</summary>
public static class TestObjects
{
    public static string ManifestPath(string file) => Path.Combine(AppContext.BaseDirectory, "Manifests", file);

    public static JsonObject Crd() => (JsonObject)JsonNode.Parse(File.ReadAllText(ManifestPath("crd.json")))!;

    public static JsonObject Bot(string name) => new()
    {
        ["apiVersion"] = "slackoperator.io/v1alpha1",
        ["kind"] = "SlackBot",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["botToken"] = new JsonObject
            {
                ["secretKeyRef"] = new JsonObject { ["name"] = "slack-token", ["key"] = "slack-token" },
            },
        },
    };
}
