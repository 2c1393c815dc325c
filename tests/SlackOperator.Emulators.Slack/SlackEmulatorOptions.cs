using Microsoft.Extensions.Logging;

namespace SlackOperator.Emulators.Slack;

/// <summary>Settings for <see cref="SlackEmulator"/>; every default suits tests and the demo.</summary>
public sealed class SlackEmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Seeds the default workspace: alice, bob, #general, #random and the kittenbot app.</summary>
    public bool SeedDefaults { get; init; } = true;

    /// <summary>How long a Socket Mode envelope may stay unacknowledged before it is sent again.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How many times an unacknowledged envelope is sent again after the first attempt.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>How long a socket keeps working after a <c>warning</c> or <c>refresh_requested</c>.</summary>
    public TimeSpan DisconnectGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Interval of the server's WebSocket pings, like Slack's heartbeat.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Receives the emulator's own log lines; none are written when null.</summary>
    public ILoggerProvider? LoggerProvider { get; init; }

    /// <summary>Clock for timestamps, ack deadlines and grace periods.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
