using System.IO.Pipelines;
using System.Net;
using k8s.Models;
using Moq;
using SlackOperator.Kubernetes.Api;
using SlackOperator.Tests.Support;

namespace SlackOperator.Tests.Kubernetes.Api;

/// <summary>
/// An API server (or a load balancer in front of it) that stops answering without closing the connection must not
/// hold a request or a watch forever: both end as a transport failure the callers already retry.
/// </summary>
public sealed class KubernetesApiDeadlineTests : IDisposable
{
    private static readonly ResourceType ConfigMaps = new(string.Empty, "v1", "configmaps", "ConfigMap", true);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly StubHttpMessageHandler _server = new();
    private readonly Pipe _silentBody = new();
    private readonly Mock<IKubernetesRequestObserver> _observer = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task GetAsync_ServerNeverAnswers_FailsAsTransportErrorAfterRequestTimeout()
    {
        var sut = CreateSut();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            sut.GetAsync<V1ConfigMap>(ConfigMaps, "ns", "a", CancellationToken.None).WaitAsync(Patience));

        Assert.Contains("stopped answering", error.Message, StringComparison.Ordinal);
        _observer.Verify(o => o.OnResponse("get", ConfigMaps, 0), Times.Once());
    }

    [Fact]
    public async Task WatchAsync_StreamSilentPastItsTimeout_FailsAsTransportError()
    {
        _server.Respond((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(_silentBody.Reader.AsStream()),
        }));
        var sut = CreateSut();

        await Assert.ThrowsAsync<HttpRequestException>(() => DrainAsync(sut, CancellationToken.None)
            .WaitAsync(Patience));
    }

    [Fact]
    public async Task WatchAsync_CallerCancels_CancelledRatherThanFailed()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DrainAsync(CreateSut(watchGrace: TimeSpan.FromMinutes(5)), cancel.Token).WaitAsync(Patience));
    }

    private KubernetesApi CreateSut(TimeSpan? watchGrace = null) =>
        new(new Uri("https://kubernetes.test"), new HttpClient(_server), (_, _) => Task.CompletedTask,
            _observer.Object)
        {
            RequestTimeout = TimeSpan.FromMilliseconds(200),
            WatchGrace = watchGrace ?? TimeSpan.FromMilliseconds(200),
        };

    private static async Task DrainAsync(KubernetesApi api, CancellationToken token)
    {
        await foreach (var _ in api.WatchAsync(ConfigMaps, "ns", null, "10", TimeSpan.FromSeconds(1), token))
        {
        }
    }
}
