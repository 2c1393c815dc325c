using SlackOperator.Emulators.Kubernetes;

namespace SlackOperator.IntegrationTests.Support;

/// <summary>A recorded API request and when <see cref="RequestTimeline"/> first saw it.</summary>
public sealed record StampedRequest(RecordedRequest Request, TimeSpan At);
