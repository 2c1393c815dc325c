namespace SlackOperator.Emulators.Kubernetes;

/// <summary>Settings for <see cref="KubeApiEmulator"/>.</summary>
public sealed class KubeApiEmulatorOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>How often a watch that asked for bookmarks receives one.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Watch events kept per resource; a watch from an older resourceVersion gets 410 Gone.</summary>
    public int WatchHistory { get; init; } = 1000;

    /// <summary>Clock for timestamps and ages.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
