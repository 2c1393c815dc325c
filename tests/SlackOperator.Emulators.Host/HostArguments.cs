using System.Globalization;

namespace SlackOperator.Emulators.Host;

/// <summary>The host's command line: which emulators to run and where.</summary>
internal sealed record HostArguments(string Command, int KubePort, int SlackPort, string? Kubeconfig,
    string Namespace)
{
    public const string Usage = """
        usage: emulator kube  [--port N] [--kubeconfig PATH] [--namespace NS]
               emulator slack [--port N]
               emulator all   [--kube-port N] [--slack-port N] [--kubeconfig PATH] [--namespace NS]
        """;

    public bool RunsKube => Command is "kube" or "all";

    public bool RunsSlack => Command is "slack" or "all";

    public static HostArguments? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("kube" or "slack" or "all") || args.Count % 2 == 0)
        {
            return null;
        }

        var options = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Count; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        var command = args[0];
        var port = Port(options, "--port");
        return new HostArguments(
            command,
            command == "kube" ? port : Port(options, "--kube-port"),
            command == "slack" ? port : Port(options, "--slack-port"),
            options.GetValueOrDefault("--kubeconfig"),
            options.GetValueOrDefault("--namespace") ?? "default");
    }

    private static int Port(Dictionary<string, string> options, string key) =>
        options.TryGetValue(key, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var port)
            ? port
            : 0;
}
