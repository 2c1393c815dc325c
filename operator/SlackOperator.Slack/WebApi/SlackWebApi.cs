using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SlackOperator.Slack.WebApi;

/// <summary>
/// <see cref="ISlackWebApi"/>: each method's arguments and answer. Sending, retries and rate limits are the
/// <see cref="SlackTransport"/>'s; posting keeps to each channel's pace and connection opens to the process's
/// limit.
/// </summary>
public sealed class SlackWebApi : ISlackWebApi
{
    private readonly SlackTransport _transport;
    private readonly ChannelPacer _pacer;
    private readonly TokenBucketRateLimiter _opens;

    public SlackWebApi(
        HttpClient http, IOptions<SlackClientOptions> options, TimeProvider time, ILogger<SlackWebApi> logger)
    {
        _transport = new SlackTransport(http, options.Value, time, logger);
        _pacer = new ChannelPacer(time);
        _opens = CreateOpenLimiter(options.Value.MaxConnectionOpensPerSecond);
    }

    /// <inheritdoc/>
    public async Task<SlackResult<AuthIdentity>> AuthTestAsync(string botToken, CancellationToken cancellationToken)
    {
        var result = await _transport.CallAsync("auth.test", botToken, SlackRequestBody.None, cancellationToken)
            .ConfigureAwait(false);
        if (!result.IsOk)
        {
            return SlackResult<AuthIdentity>.Fail(result.Error);
        }

        using var document = result.Value;
        return SlackResult<AuthIdentity>.Ok(SlackResponseReader.ReadIdentity(document.RootElement));
    }

    /// <inheritdoc/>
    public async Task<SlackResult<Uri>> OpenConnectionAsync(string appToken, CancellationToken cancellationToken)
    {
        using var lease = await _opens.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        var result = await _transport
            .CallAsync("apps.connections.open", appToken, SlackRequestBody.None, cancellationToken)
            .ConfigureAwait(false);
        if (!result.IsOk)
        {
            return SlackResult<Uri>.Fail(result.Error);
        }

        using var document = result.Value;
        var url = SlackResponseReader.String(document.RootElement, "url");
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? SlackResult<Uri>.Ok(uri)
            : SlackResult<Uri>.Fail(new SlackError(SlackError.TransportCode, "apps.connections.open gave no url"));
    }

    /// <inheritdoc/>
    public async Task<SlackResult<PostedMessage>> PostMessageAsync(
        string botToken, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var body = SlackRequestBody.Json(new Dictionary<string, object?>
        {
            ["channel"] = message.Channel,
            ["text"] = message.Text,
            ["thread_ts"] = message.ThreadTs,
        });
        await _pacer.WaitTurnAsync(botToken, message.Channel, cancellationToken).ConfigureAwait(false);
        var result = await _transport.CallAsync("chat.postMessage", botToken, body, cancellationToken)
            .ConfigureAwait(false);
        if (!result.IsOk)
        {
            return SlackResult<PostedMessage>.Fail(result.Error);
        }

        using var document = result.Value;
        var root = document.RootElement;
        return SlackResult<PostedMessage>.Ok(new PostedMessage(
            SlackResponseReader.String(root, "channel") ?? message.Channel,
            SlackResponseReader.String(root, "ts") ?? string.Empty));
    }

    /// <inheritdoc/>
    public async Task<SlackResult<IReadOnlyList<Conversation>>> ListConversationsAsync(
        string botToken, CancellationToken cancellationToken)
    {
        var conversations = new List<Conversation>();
        string? cursor = null;
        for (var page = 0; page < 1000; page++)
        {
            var body = SlackRequestBody.Form(new Dictionary<string, string?>
            {
                ["types"] = "public_channel,private_channel",
                ["exclude_archived"] = "true",
                ["limit"] = "200",
                ["cursor"] = cursor,
            });
            var result = await _transport.CallAsync("conversations.list", botToken, body, cancellationToken)
                .ConfigureAwait(false);
            if (!result.IsOk)
            {
                return SlackResult<IReadOnlyList<Conversation>>.Fail(result.Error);
            }

            using var document = result.Value;
            conversations.AddRange(SlackResponseReader.ReadConversations(document.RootElement));
            cursor = SlackResponseReader.NextCursor(document.RootElement);
            if (string.IsNullOrEmpty(cursor))
            {
                break;
            }
        }

        return SlackResult<IReadOnlyList<Conversation>>.Ok(conversations);
    }

    /// <inheritdoc/>
    public async Task<SlackResult<bool>> AddReactionAsync(
        string botToken, string channel, string timestamp, string emoji, CancellationToken cancellationToken)
    {
        var body = SlackRequestBody.Json(new Dictionary<string, object?>
        {
            ["channel"] = channel,
            ["timestamp"] = timestamp,
            ["name"] = emoji.Trim(':'),
        });
        var result = await _transport.CallAsync("reactions.add", botToken, body, cancellationToken)
            .ConfigureAwait(false);
        if (result.IsOk)
        {
            result.Value.Dispose();
            return SlackResult<bool>.Ok(true);
        }

        return result.Error.Code == "already_reacted"
            ? SlackResult<bool>.Ok(false)
            : SlackResult<bool>.Fail(result.Error);
    }

    /// <inheritdoc/>
    public async Task<SlackResult<Conversation>> GetConversationAsync(
        string botToken, string channelId, CancellationToken cancellationToken)
    {
        var body = SlackRequestBody.Form(new Dictionary<string, string?> { ["channel"] = channelId });
        var result = await _transport.CallAsync("conversations.info", botToken, body, cancellationToken)
            .ConfigureAwait(false);
        if (!result.IsOk)
        {
            return SlackResult<Conversation>.Fail(result.Error);
        }

        using var document = result.Value;
        return SlackResult<Conversation>.Ok(
            SlackResponseReader.ReadConversation(document.RootElement.GetProperty("channel")));
    }

    /// <inheritdoc/>
    public async Task<SlackResult<SlackUser>> GetUserAsync(
        string botToken, string userId, CancellationToken cancellationToken)
    {
        var body = SlackRequestBody.Form(new Dictionary<string, string?> { ["user"] = userId });
        var result = await _transport.CallAsync("users.info", botToken, body, cancellationToken)
            .ConfigureAwait(false);
        if (!result.IsOk)
        {
            return SlackResult<SlackUser>.Fail(result.Error);
        }

        using var document = result.Value;
        return SlackResult<SlackUser>.Ok(SlackResponseReader.ReadUser(document.RootElement.GetProperty("user")));
    }

    /// <inheritdoc/>
    public async Task<SlackResult<Conversation>> JoinConversationAsync(
        string botToken, string channelId, CancellationToken cancellationToken)
    {
        var body = SlackRequestBody.Json(new Dictionary<string, object?> { ["channel"] = channelId });
        var result = await _transport.CallAsync("conversations.join", botToken, body, cancellationToken)
            .ConfigureAwait(false);
        if (!result.IsOk)
        {
            return SlackResult<Conversation>.Fail(result.Error);
        }

        using var document = result.Value;
        var channel = document.RootElement.GetProperty("channel");
        return SlackResult<Conversation>.Ok(SlackResponseReader.ReadConversation(channel));
    }

    /// <summary>
    /// Refills in tenths of a second with a burst of one tenth, so no second sees more than about 1.1 times the
    /// limit; a bucket of a whole second's tokens refilled once a second would let two seconds' worth through
    /// within one (a full bucket, then the refill).
    /// </summary>
    internal static TokenBucketRateLimiter CreateOpenLimiter(int perSecond)
    {
        var tokensPerSlice = Math.Max(1, perSecond / 10);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerSlice,
            TokensPerPeriod = tokensPerSlice,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerSlice / (double)perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }
}
