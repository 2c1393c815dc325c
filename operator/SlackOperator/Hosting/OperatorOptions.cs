namespace SlackOperator.Hosting;

/// <summary>The command line of <c>slack-operator run</c>, mapped onto configuration keys.</summary>
internal static class OperatorOptions
{
    public static IEnumerable<KeyValuePair<string, string?>> ToConfiguration(
        string? kubeconfig, string? @namespace, string? slackApiUrl, int? workers)
    {
        if (!string.IsNullOrEmpty(kubeconfig))
        {
            yield return new("Kubernetes:Kubeconfig", kubeconfig);
        }

        if (!string.IsNullOrEmpty(@namespace))
        {
            yield return new("Controller:Namespace", @namespace);
        }

        if (!string.IsNullOrEmpty(slackApiUrl))
        {
            yield return new("Slack:ApiBaseUrl", slackApiUrl);
        }

        if (workers is { } count)
        {
            yield return new("Controller:Workers", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
