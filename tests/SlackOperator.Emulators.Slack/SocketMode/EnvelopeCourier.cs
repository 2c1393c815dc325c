using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SlackOperator.Emulators.Slack.Logging;

namespace SlackOperator.Emulators.Slack.SocketMode;

/// <summary>
/// Delivers each event to one socket of its app and sends it again, with the same event_id and a growing
/// retry_attempt, until it is acknowledged or the retries run out, like Slack does.
/// </summary>
internal sealed class EnvelopeCourier(
    ConnectionRegistry registry, SlackEmulatorOptions options, ILogger logger, CancellationToken stopping)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaitingAck = new(StringComparer.Ordinal);
    private int _acksToLose;

    /// <summary>Send-to-ack times, read by the benchmark through the control API.</summary>
    public AckTimings Timings { get; } = new(options.TimeProvider);

    /// <summary>The next event sent has the acknowledgements of its first <paramref name="count"/> deliveries
    /// ignored, as if they were lost with a dropped socket, so it is sent again with a growing retry_attempt.
    /// </summary>
    public void LoseAcksOfNextEvent(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Volatile.Write(ref _acksToLose, count);
    }

    public void Send(string appId, JsonObject payload) => _ = DeliverAsync(appId, payload);

    /// <summary>Records an acknowledgement; an envelope id counts once, however often it is acknowledged.</summary>
    public void Ack(string envelopeId, string appId)
    {
        if (_awaitingAck.TryRemove(envelopeId, out var acked))
        {
            Timings.Acked(envelopeId);
            registry.StatsFor(appId).Acked();
            acked.TrySetResult();
        }
    }

    private async Task DeliverAsync(string appId, JsonObject payload)
    {
        var eventId = payload["event_id"]!.GetValue<string>();
        var time = options.TimeProvider;
        var deadline = time.GetUtcNow() + (options.AckTimeout * (options.MaxRetries + 1));
        var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var envelopeIds = new List<string>();
        var acksToLose = Interlocked.Exchange(ref _acksToLose, 0);
        try
        {
            var outcome = await AttemptAllAsync(appId, payload, deadline, acked, envelopeIds, acksToLose)
                .ConfigureAwait(false);
            if (outcome is not null)
            {
                EmulatorLog.EnvelopeAbandoned(logger, eventId, appId, outcome);
            }
        }
        catch (OperationCanceledException)
        {
            // The emulator is stopping; undelivered events die with it.
        }
        finally
        {
            envelopeIds.ForEach(id => _awaitingAck.TryRemove(id, out _));
            envelopeIds.ForEach(Timings.Forget);
        }
    }

    /// <summary>Returns null once acknowledged, otherwise why delivery was given up.</summary>
    private async Task<string?> AttemptAllAsync(string appId, JsonObject payload, DateTimeOffset deadline,
        TaskCompletionSource acked, List<string> envelopeIds, int acksToLose)
    {
        for (var attempt = 0; attempt <= options.MaxRetries; attempt++)
        {
            var socket = await WaitForSocketAsync(appId, deadline).ConfigureAwait(false);
            if (socket is null)
            {
                return "no ready socket";
            }

            var envelopeId = Guid.NewGuid().ToString();
            envelopeIds.Add(envelopeId);

            // An envelope id not awaited is one whose acknowledgement goes nowhere: the lost-ack fault.
            if (attempt >= acksToLose)
            {
                _awaitingAck[envelopeId] = acked;
            }

            Timings.Sent(envelopeId);
            socket.TrySend(EventEnvelopes.EventsApi(envelopeId, payload, attempt));
            registry.StatsFor(appId).Delivered(attempt > 0);
            EmulatorLog.EnvelopeSent(logger, payload["event_id"]!.GetValue<string>(), appId, attempt);
            if (await WaitForAckAsync(acked.Task).ConfigureAwait(false))
            {
                return null;
            }
        }

        return "not acknowledged";
    }

    private async Task<bool> WaitForAckAsync(Task acked)
    {
        try
        {
            await acked.WaitAsync(options.AckTimeout, options.TimeProvider, stopping).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<SocketConnection?> WaitForSocketAsync(string appId, DateTimeOffset deadline)
    {
        var time = options.TimeProvider;
        while (true)
        {
            var socket = registry.Pick(appId);
            if (socket is not null || time.GetUtcNow() >= deadline)
            {
                return socket;
            }

            await Task.Delay(PollInterval, time, stopping).ConfigureAwait(false);
        }
    }
}
