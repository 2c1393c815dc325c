namespace SlackOperator.Emulators.Kubernetes.Internal;

/// <summary>Renders the kubeconfig for an emulator: one cluster, one token user, one current context.</summary>
internal static class Kubeconfig
{
    public static string Render(Uri server, string ns) =>
        $$"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: emulator
          cluster:
            server: {{server.GetLeftPart(UriPartial.Authority)}}
        users:
        - name: emulator
          user:
            token: emulator-token
        contexts:
        - name: emulator
          context:
            cluster: emulator
            user: emulator
            namespace: {{ns}}
        current-context: emulator
        preferences: {}

        """;
}
