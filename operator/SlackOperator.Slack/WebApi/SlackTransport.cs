using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SlackOperator.Slack.WebApi;

/// <summary>
/// Sends one Web API call on the pooled <see cref="HttpClient"/> with the bearer token: every attempt has a
/// timeout; a 429 closes the method for that token for its <c>Retry-After</c> (shared by every caller through
/// the <see cref="RateLimitGate"/>); 5xx and network errors retry with jittered backoff.
/// </summary>
internal sealed class SlackTransport
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(8);

    /// <summary>Calls whose repetition shows: a second <c>chat.postMessage</c> is a second message.</summary>
    private static readonly HashSet<string> CreatingMethods = new(StringComparer.Ordinal) { "chat.postMessage" };

    private readonly HttpClient _http;
    private readonly SlackClientOptions _options;
    private readonly Uri _apiBase;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimitGate _rateLimits;

    public SlackTransport(HttpClient http, SlackClientOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _apiBase = WithTrailingSlash(options.ApiBaseUrl);
        _time = time;
        _logger = logger;
        _rateLimits = new RateLimitGate(time);
    }

    public async Task<SlackResult<JsonDocument>> CallAsync(
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

            if (outcome.Result.IsOk || attempt >= _options.MaxRetries || !MayRetry(method, outcome.Result.Error))
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

    /// <summary>
    /// Transient failures are retried, except where Slack said a creating call may have been carried out: like
    /// Slack's own SDKs, those are reported rather than risking a duplicate. (A 5xx or a timeout is still
    /// retried: Slack gives no answer then, and losing a reply is the likelier harm.)
    /// </summary>
    private static bool MayRetry(string method, SlackError error) =>
        error.IsTransient && !(error.MayHaveTakenEffect && CreatingMethods.Contains(method));

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
