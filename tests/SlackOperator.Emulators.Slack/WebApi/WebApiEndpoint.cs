using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlackOperator.Emulators.Slack.Logging;
using SlackOperator.Emulators.Slack.State;

namespace SlackOperator.Emulators.Slack.WebApi;

/// <summary>Serves <c>/api/{method}</c>: faults first, then authentication, scopes and the method itself.</summary>
internal sealed class WebApiEndpoint(
    Workspace workspace, IReadOnlyDictionary<string, ApiMethod> methods, HttpFaults faults, ApiCallJournal journal,
    TimeProvider time, ILogger logger)
{
    public static readonly JsonSerializerOptions JsonOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(HttpContext context, string method)
    {
        var ct = context.RequestAborted;
        var request = await ApiRequest.ReadAsync(context.Request, ct).ConfigureAwait(false);
        var appId = request.Token is null ? null : workspace.FindAppByToken(request.Token)?.Info.AppId;
        var arrived = time.GetUtcNow();
        var fault = await TryInjectFaultAsync(context, method).ConfigureAwait(false);
        if (fault is not null)
        {
            journal.Add(new ApiCallRecord(method, appId, arrived, $"http_{fault}"));
            return;
        }

        var body = Dispatch(context.Response, method, request);
        var result = body["error"]?.GetValue<string>() ?? "ok";
        journal.Add(new ApiCallRecord(method, appId, arrived, result));
        EmulatorLog.ApiCalled(logger, method, result);
        await WriteJsonAsync(context.Response, StatusCodes.Status200OK, body, ct).ConfigureAwait(false);
    }

    public static Task WriteJsonAsync(HttpResponse response, int status, JsonNode body, CancellationToken ct)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(body.ToJsonString(JsonOptions), ct);
    }

    private JsonObject Dispatch(HttpResponse response, string method, ApiRequest request)
    {
        if (!methods.TryGetValue(method, out var entry))
        {
            var unknown = ApiResult.Error("unknown_method");
            unknown["req_method"] = method;
            return unknown;
        }

        if (request.IsMalformed)
        {
            return ApiResult.Error("invalid_json");
        }

        if (entry.TokenKind is null)
        {
            return entry.Invoke(new ApiCall(request, null));
        }

        var refusal = Authorize(response, entry, request, out var grant);
        return refusal ?? entry.Invoke(new ApiCall(request, grant));
    }

    private JsonObject? Authorize(HttpResponse response, ApiMethod entry, ApiRequest request, out TokenGrant? grant)
    {
        grant = null;
        if (request.Token is null)
        {
            return ApiResult.Error("not_authed");
        }

        switch (workspace.Authenticate(request.Token, out grant))
        {
            case AuthOutcome.Unknown:
                return ApiResult.Error("invalid_auth");
            case AuthOutcome.Revoked:
                return ApiResult.Error("token_revoked");
        }

        if (grant!.Kind != entry.TokenKind)
        {
            return ApiResult.Error("not_allowed_token_type");
        }

        response.Headers["X-OAuth-Scopes"] = string.Join(",", grant.Scopes);
        response.Headers["X-Accepted-OAuth-Scopes"] = string.Join(",", entry.Scopes);
        var allowed = entry.Scopes.Count == 0 || entry.Scopes.Any(grant.Scopes.Contains);
        return allowed ? null : ApiResult.MissingScope(entry.Scopes, grant.Scopes);
    }

    /// <summary>Serves an armed fault; returns its HTTP status, or null when none was armed.</summary>
    private async Task<int?> TryInjectFaultAsync(HttpContext context, string method)
    {
        var ct = context.RequestAborted;
        if (faults.TryTakeRateLimit(method, out var retryAfter))
        {
            EmulatorLog.FaultServed(logger, method, StatusCodes.Status429TooManyRequests);
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await WriteJsonAsync(context.Response, 429, ApiResult.Error("ratelimited"), ct).ConfigureAwait(false);
            return StatusCodes.Status429TooManyRequests;
        }

        if (!faults.TryTakeFailure(method, out var status))
        {
            return null;
        }

        EmulatorLog.FaultServed(logger, method, status);
        await WriteJsonAsync(context.Response, status, ApiResult.Error("fatal_error"), ct).ConfigureAwait(false);
        return status;
    }
}
