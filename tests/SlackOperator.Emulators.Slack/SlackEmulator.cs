using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlackOperator.Emulators.Slack.Control;
using SlackOperator.Emulators.Slack.Logging;
using SlackOperator.Emulators.Slack.SocketMode;
using SlackOperator.Emulators.Slack.State;
using SlackOperator.Emulators.Slack.WebApi;

namespace SlackOperator.Emulators.Slack;

/// <summary>
/// An in-process Slack: the Web API under <see cref="ApiUrl"/>, Socket Mode behind apps.connections.open, and
/// a control API under <c>/_emulator/</c>, all on 127.0.0.1.
/// </summary>
public sealed partial class SlackEmulator : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly WebApplication _host;
    private readonly SlackEmulatorOptions _options;
    private readonly Workspace _workspace;
    private readonly Messaging _messaging;
    private readonly ConnectionRegistry _registry = new();
    private readonly TicketBook _tickets = new();
    private readonly ApiCallJournal _calls = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;

    private SlackEmulator(WebApplication host, SlackEmulatorOptions options)
    {
        _host = host;
        _options = options;
        _logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SlackOperator.Emulators.Slack");
        _workspace = new Workspace(new TsClock(options.TimeProvider));
        var courier = new EnvelopeCourier(_registry, options, _logger, _stopping.Token);
        _messaging = new Messaging(_workspace, new EventPublisher(_workspace, courier));
        var socketFaults = new SocketFaultState(_registry, options, _logger, _stopping.Token);
        var httpFaults = new HttpFaults();
        Faults = new SlackFaults(httpFaults, socketFaults, _workspace, courier);
        MapRoutes(courier, socketFaults, httpFaults);
    }

    /// <summary>The root address, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>What a client uses as its Slack API base; methods live at <c>ApiUrl + "auth.test"</c>.</summary>
    public Uri ApiUrl => new(BaseUrl, "api/");

    public SlackFaults Faults { get; }

    public static async Task<SlackEmulator> StartAsync(SlackEmulatorOptions? options = null,
        CancellationToken ct = default)
    {
        options ??= new SlackEmulatorOptions();
        var emulator = new SlackEmulator(BuildHost(options), options);
        if (options.SeedDefaults)
        {
            WorkspaceSeed.Apply(emulator._workspace);
        }

        await emulator._host.StartAsync(ct).ConfigureAwait(false);
        emulator.BaseUrl = BoundAddress(emulator._host);
        emulator._tickets.BaseUrl = emulator.BaseUrl;
        EmulatorLog.Started(emulator._logger, emulator.BaseUrl);
        return emulator;
    }

    /// <summary>Installs an app; tokens default to <c>xoxb-emulator-NAME</c> and <c>xapp-1-emulator-NAME</c>.
    /// </summary>
    public EmulatedApp AddApp(string botName, string? botToken = null, string? appToken = null)
    {
        var defaults = WorkspaceSeed.DefaultTokens(botName);
        return _workspace.AddApp(botName, botToken ?? defaults.Bot, appToken ?? defaults.App).Info;
    }

    public EmulatedUser AddUser(string name, bool isBot = false)
    {
        var user = _workspace.AddUser(name, isBot);
        return new EmulatedUser(user.Id, user.Name);
    }

    public EmulatedChannel AddChannel(string name, bool isPrivate = false, IEnumerable<string>? memberIds = null)
    {
        var channel = _workspace.AddChannel(name, isPrivate, memberIds);
        return new EmulatedChannel(channel.Id, channel.Name);
    }

    /// <summary>Makes a user or bot join a channel, which sends member_joined_channel to the apps in it.</summary>
    /// <returns>False when the user was a member already.</returns>
    public bool AddChannelMember(string channelNameOrId, string userId, string? inviterId = null)
    {
        var user = _workspace.FindUser(userId) ?? throw new KeyNotFoundException($"No user {userId}.");
        return _messaging.Join(_workspace.GetChannel(channelNameOrId), user.Id, inviterId);
    }

    public void ArchiveChannel(string channelNameOrId) => _workspace.GetChannel(channelNameOrId).IsArchived = true;

    /// <summary>Replaces the scopes an app's bot token was granted.</summary>
    public void SetBotScopes(string appId, IEnumerable<string> scopes) => _workspace.SetBotScopes(appId, scopes);

    /// <summary>Posts as a user; a user who is not in the channel joins it first, as in the Slack client.</summary>
    public Task<string> PostUserMessageAsync(string channelNameOrId, string userId, string text,
        string? threadTs = null, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var channel = _workspace.GetChannel(channelNameOrId);
        var user = _workspace.FindUser(userId) ?? throw new KeyNotFoundException($"No user {userId}.");
        _messaging.Join(channel, user.Id, null);
        return Task.FromResult(_messaging.PostAsUser(channel, user.Id, text, threadTs).Ts);
    }

    public IReadOnlyList<PostedMessage> GetMessages(string channelNameOrId) =>
        [.. _workspace.Messages(_workspace.GetChannel(channelNameOrId)).Select(m => m.ToPosted())];

    public IReadOnlyList<EmulatedReaction> GetReactions(string channelNameOrId, string ts)
    {
        var message = _workspace.FindMessage(_workspace.GetChannel(channelNameOrId), ts);
        return message is null ? [] : _workspace.Reactions(message);
    }

    /// <summary>Polls the channel for a bot message that matches; throws TimeoutException otherwise.</summary>
    public async Task<PostedMessage> WaitForBotMessageAsync(string channelNameOrId, Func<PostedMessage, bool> match,
        TimeSpan timeout, CancellationToken ct = default)
    {
        var time = _options.TimeProvider;
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var found = GetMessages(channelNameOrId).FirstOrDefault(m => m.BotId is not null && match(m));
            if (found is not null)
            {
                return found;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException(DescribeMiss(channelNameOrId, timeout));
            }

            await Task.Delay(PollInterval, time, ct).ConfigureAwait(false);
        }
    }

    public void RevokeToken(string token) => _workspace.Revoke(token);

    public IReadOnlyList<EmulatedApp> Apps => [.. _workspace.Apps().Select(a => a.Info)];

    public DeliveryStats GetDeliveryStats(string appId) => _registry.Stats(appId);

    /// <summary>
    /// The Web API calls answered so far (the latest 100,000), oldest first, with arrival times; e.g. the
    /// <c>apps.connections.open</c> calls show how fast clients open Socket Mode connections.
    /// </summary>
    public IReadOnlyList<ApiCallRecord> GetApiCalls(string? method = null) => _calls.Calls(method);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var socket in _registry.Snapshot(null))
        {
            socket.Abort();
        }

        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _host.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private string DescribeMiss(string channelNameOrId, TimeSpan timeout)
    {
        var seen = GetMessages(channelNameOrId).Select(m => $"[{m.Ts} {m.User ?? m.BotId}] {m.Text}");
        return $"No matching bot message in {channelNameOrId} within {timeout}. Channel has: "
            + string.Join(" | ", seen);
    }

    private static WebApplication BuildHost(SlackEmulatorOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SlackEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (options.LoggerProvider is not null)
        {
            builder.Logging.AddProvider(options.LoggerProvider);
        }

        // ASP.NET Core's request lines carry query strings, where a GET caller may have put its token.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port,
            SilenceGate.Install));
        return builder.Build();
    }

    private static Uri BoundAddress(WebApplication host)
    {
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        var address = addresses?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        return new Uri(address.TrimEnd('/') + "/");
    }

    private void MapRoutes(EnvelopeCourier courier, SocketFaultState socketFaults, HttpFaults httpFaults)
    {
        _host.UseWebSockets();
        var methods = ApiMethodTable.Build(_workspace, _messaging, _tickets);
        var api = new WebApiEndpoint(_workspace, methods, httpFaults, _calls, _options.TimeProvider, _logger);
        _host.MapMethods(
            "/api/{method}", ["GET", "POST"], (HttpContext c, string method) => api.HandleAsync(c, method));
        var link = new SocketLinkEndpoint(
            _tickets, _registry, courier, socketFaults, _options, _logger, _stopping.Token);
        _host.Map("/link", link.HandleAsync);
        ControlEndpoints.Map(_host, this, _logger);
        ControlImEndpoints.Map(_host, this, _logger);
        ControlTimingEndpoints.Map(_host, courier.Timings, _logger);
    }
}
