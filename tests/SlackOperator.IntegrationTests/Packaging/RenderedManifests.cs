using k8s;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Packaging;

/// <summary>A kustomization under deploy/ as the real <c>kubectl kustomize</c> renders it, as typed objects.</summary>
internal sealed class RenderedManifests(IReadOnlyList<object> objects)
{
    public IReadOnlyList<object> Objects => objects;

    public static async Task<RenderedManifests> RenderAsync(params string[] directory)
    {
        var run = await ProgramRun.RunAsync("kubectl", ["kustomize", RepoPaths.Of(directory)],
            TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, $"kubectl kustomize {string.Join('/', directory)}: {run.Describe()}");
        return new RenderedManifests([.. KubernetesYaml.LoadAllFromString(run.Stdout)]);
    }

    public IEnumerable<T> OfType<T>() => objects.OfType<T>();

    public T Single<T>(string name)
        where T : IKubernetesObject<k8s.Models.V1ObjectMeta> =>
        objects.OfType<T>().SingleOrDefault(o => o.Metadata.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"no {typeof(T).Name} named {name} in the rendered manifests");
}
