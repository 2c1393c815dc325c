using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Slack.Tests.Support;

/// <summary>A Web API answer: HTTP status, headers and the parsed JSON body.</summary>
internal sealed record ApiAnswer(int Status, HttpResponseHeaders Headers, JsonObject Body)
{
    public bool Ok => Body["ok"]?.GetValue<bool>() ?? false;

    public string? Error => Body["error"]?.GetValue<string>();

    public string Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
