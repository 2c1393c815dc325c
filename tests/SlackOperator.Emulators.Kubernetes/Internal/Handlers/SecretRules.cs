using System.Text;
using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Json;

namespace SlackOperator.Emulators.Kubernetes.Internal.Handlers;

/// <summary>Secret write rules: stringData folds into data and is never stored; type defaults to Opaque.</summary>
internal static class SecretRules
{
    public static void Apply(JsonObject secret)
    {
        if (secret["stringData"] is JsonObject stringData)
        {
            var data = JsonNodes.Child(secret, "data");
            foreach (var (key, value) in stringData)
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonNodes.Text(value)));
            }
        }

        secret.Remove("stringData");
        secret["type"] ??= "Opaque";
    }
}
