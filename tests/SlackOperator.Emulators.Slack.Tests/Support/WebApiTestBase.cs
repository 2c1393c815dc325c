namespace SlackOperator.Emulators.Slack.Tests.Support;

/// <summary>A fresh seeded emulator and a raw Web API client for each test of a Web API test class.</summary>
public abstract class WebApiTestBase : IAsyncLifetime
{
    protected SlackEmulator Emulator { get; private set; } = null!;

    private protected ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await TestEmulator.StartAsync();
        Api = new ApiClient(Emulator);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Emulator.DisposeAsync();
    }
}
