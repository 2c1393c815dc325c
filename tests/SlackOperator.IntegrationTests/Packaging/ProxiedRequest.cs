namespace SlackOperator.IntegrationTests.Packaging;

/// <summary>A request as it passed through <see cref="RecordingProxy"/>: method, path and whether it watched.</summary>
internal sealed record ProxiedRequest(string Method, string Path, bool Watch);
