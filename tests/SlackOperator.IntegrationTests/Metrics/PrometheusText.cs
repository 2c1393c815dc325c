using System.Globalization;
using System.Text.RegularExpressions;

namespace SlackOperator.IntegrationTests.Metrics;

/// <summary>A scrape in Prometheus text format, read just enough to find samples by name and labels.</summary>
public sealed partial class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public PrometheusText(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n').Where(l => l.Length > 0 && l[0] != '#'))
        {
            var match = SampleLine().Match(line);
            if (match.Success)
            {
                var labels = LabelPair().Matches(match.Groups["labels"].Value)
                    .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
                var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
                _samples.Add((match.Groups["name"].Value, labels, value));
            }
        }
    }

    public string Text { get; }

    /// <summary>Whether any sample of <paramref name="name"/> exists.</summary>
    public bool Has(string name) => _samples.Any(s => s.Name == name);

    /// <summary>The sum of the samples of <paramref name="name"/> that carry every label given.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) => _samples
        .Where(s => s.Name == name
            && labels.All(label => s.Labels.TryGetValue(label.Key, out var value) && value == label.Value))
        .Sum(s => s.Value);

    /// <summary>The label sets of <paramref name="name"/>'s samples, for failure messages.</summary>
    public string Describe(string name) => string.Join("; ", _samples.Where(s => s.Name == name)
        .Select(s => $"{{{string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}"))}}} {s.Value}"));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LabelPair();
}
