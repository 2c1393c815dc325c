using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SlackOperator.Slack.WebApi;

/// <summary>
/// <see cref="ISlackWebApi"/> on one pooled <see cref="HttpClient"/>. Rate limits (429) wait for
/// <c>Retry-After</c>; 5xx and network errors retry with jittered backoff; every attempt has a timeout.
/// </summary>
public sealed class SlackWebApi : ISlackWebApi
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(8);

    private readonly HttpClient _http;
    private readonly SlackClientOptions _options;
    private readonly Uri _apiBase;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackWebApi> _logger;
    private readonly RateLimitGate _rateLimits;
    private readonly ChannelPacer _pacer;
    private readonly TokenBucketRateLimiter _opens;

    public SlackWebApi(
        HttpClient http, IOptions<SlackClientOptions> options, TimeProvider time, ILogger<SlackWebApi> logger)
    {
        _http = http;
        _options = options.Value;
        _apiBase = WithTrailingSlash(_options.ApiBaseUrl);
        _time = time;
        _logger = logger;
        _rateLimits = new RateLimitGate(time);
        _pacer = new ChannelPacer(time);
        _opens = CreateOpenLimiter(_options.MaxConnectionOpensPerSecond);
    }

    /// <inheritdoc/>
    public async Task<SlackResult<AuthIdentity>> AuthTestAsync(string botToken, CancellationToken cancellationToken)
    {
        var result = await CallAsync("auth.test", botToken, SlackRequestBody.None, cancellationToken)
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
        var result = await CallAsync("apps.connections.open", appToken, SlackRequestBody.None, cancellationToken)
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
        var result = await CallAsync("chat.postMessage", botToken, body, cancellationToken).ConfigureAwait(false);
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
            var result = await CallAsync("conversations.list", botToken, body, cancellationToken)
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
        var result = await CallAsync("reactions.add", botToken, body, cancellationToken).ConfigureAwait(false);
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
        var result = await CallAsync("conversations.info", botToken, body, cancellationToken).ConfigureAwait(false);
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
        var result = await CallAsync("users.info", botToken, body, cancellationToken).ConfigureAwait(false);
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
        var result = await CallAsync("conversations.join", botToken, body, cancellationToken).ConfigureAwait(false);
        if (!result.IsOk)
        {
            return SlackResult<Conversation>.Fail(result.Error);
        }

        using var document = result.Value;
        var channel = document.RootElement.GetProperty("channel");
        return SlackResult<Conversation>.Ok(SlackResponseReader.ReadConversation(channel));
    }

    private async Task<SlackResult<JsonDocument>> CallAsync(
        string method, string token, SlackRequestBody body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var closed = _rateLimits.RemainingWait(token, method);
            if (closed > MaxRetryAfter)
            {
                return SlackResult<JsonDocument>.Fail(new SlackError("ratelimited", $"retry after {closed:c}"));
            }

            await Task.Delay(closed, _time, cancellationToken).ConfigureAwait(false);
            var outcome = await SendOnceAsync(method, token, body, cancellationToken).ConfigureAwait(false);
            SlackMetrics.RecordCall(method, outcome.Result);
            if (outcome.RetryAfter is { } retryAfter)
            {
                _rateLimits.Block(token, method, retryAfter);
            }

            if (outcome.Result.IsOk || attempt >= _options.MaxRetries || !outcome.Result.Error.IsTransient)
            {
                LogFailure(method, outcome.Result);
                return outcome.Result;
            }

            if (outcome.RetryAfter > MaxRetryAfter)
            {
                return outcome.Result;
            }

            // A 429's wait happens in the gate at the top of the loop, shared with every other caller.
            var delay = outcome.RetryAfter ?? Backoff.FullJitter(attempt, FirstRetryDelay, MaxRetryDelay);
            LogRetry(method, outcome, attempt + 1, delay);
            if (outcome.RetryAfter is null)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<SendOutcome> SendOnceAsync(
        string method, string token, SlackRequestBody body, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_apiBase, method))
        {
            Content = body.ToContent(),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return await ReadResponseAsync(response, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendOutcome.Failed(new SlackError(SlackError.TimeoutCode, $"{method} took longer than the timeout"));
        }
        catch (HttpRequestException ex)
        {
            return SendOutcome.Failed(new SlackError(SlackError.TransportCode, ex.HttpRequestError.ToString()));
        }
    }

    private static async Task<SendOutcome> ReadResponseAsync(HttpResponseMessage response, CancellationToken token)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            return new SendOutcome(SlackResult<JsonDocument>.Fail(new SlackError("ratelimited")), retryAfter);
        }

        if ((int)response.StatusCode >= 500)
        {
            var detail = $"HTTP {(int)response.StatusCode}";
            return SendOutcome.Failed(new SlackError(SlackError.TransportCode, detail));
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
        return new SendOutcome(SlackResponseReader.Parse(bytes, (int)response.StatusCode), null);
    }

    private void LogFailure(string method, SlackResult<JsonDocument> result)
    {
        if (!result.IsOk)
        {
            SlackWebApiLog.CallFailed(_logger, method, result.Error.ToString());
        }
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

    private void LogRetry(string method, SendOutcome outcome, int attempt, TimeSpan delay)
    {
        if (outcome.RetryAfter is not null)
        {
            SlackWebApiLog.RateLimited(_logger, method, delay);
            return;
        }

        SlackWebApiLog.Retrying(_logger, method, outcome.Result.Error!.ToString(), attempt, delay);
    }

    // "https://slack.com/api" and "https://slack.com/api/" both mean the same base for users.
    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private readonly record struct SendOutcome(SlackResult<JsonDocument> Result, TimeSpan? RetryAfter)
    {
        public static SendOutcome Failed(SlackError error) => new(SlackResult<JsonDocument>.Fail(error), null);
    }
}
