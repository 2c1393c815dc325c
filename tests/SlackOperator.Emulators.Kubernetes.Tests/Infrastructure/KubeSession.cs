namespace SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

/// <summary>One emulator, a temp directory with its kubeconfig and manifests, kubectl and an HTTP client.</summary>
public sealed class KubeSession : IAsyncDisposable
{
    private KubeSession(KubeApiEmulator emulator, string directory)
    {
        Emulator = emulator;
        Directory = directory;
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        emulator.WriteKubeconfig(kubeconfig);
        Kubectl = new Kubectl(kubeconfig, directory);
        Api = new ApiClient(emulator.BaseUrl);
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Manifests")))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }
    }

    public KubeApiEmulator Emulator { get; }

    public string Directory { get; }

    public Kubectl Kubectl { get; }

    public ApiClient Api { get; }

    public static async Task<KubeSession> StartAsync(KubeApiEmulatorOptions? options = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "kube-emulator-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new KubeSession(await KubeApiEmulator.StartAsync(options), directory);
    }

    /// <summary>Creates the SlackBot CRD over HTTP, so the resource is served at once.</summary>
    public async Task InstallCrdAsync()
    {
        var response = await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
            TestObjects.Crd());
        Assert.True(response.Code == 201, response.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
