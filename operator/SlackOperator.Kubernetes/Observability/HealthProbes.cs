using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SlackOperator.Kubernetes.Observability;

/// <summary>
/// The probes behind <c>/healthz</c> (checks tagged <see cref="Live"/>) and <c>/readyz</c> (every check), and how
/// their outcome is written: 200 <c>ok</c>, or 503 with one line per failing check saying why.
/// </summary>
public static class HealthProbes
{
    /// <summary>Tag of the checks <c>/healthz</c> runs: failing them means the process should be restarted.</summary>
    public const string Live = "live";

    /// <summary>Tag of the checks only <c>/readyz</c> runs: failing them means "not yet", not "broken".</summary>
    public const string Ready = "ready";

    /// <summary>Runs the checks <paramref name="predicate"/> selects and answers the probe.</summary>
    public static async Task RespondAsync(
        HttpContext context, HealthCheckService checks, Func<HealthCheckRegistration, bool> predicate)
    {
        var report = await checks.CheckHealthAsync(predicate, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = report.Status == HealthStatus.Healthy
            ? StatusCodes.Status200OK
            : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(Describe(report), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The probe's body: <c>ok</c>, or each unhealthy check as <c>name: reason</c>.</summary>
    public static string Describe(HealthReport report)
    {
        if (report.Status == HealthStatus.Healthy)
        {
            return "ok\n";
        }

        var text = new StringBuilder();
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            text.Append(name).Append(": ").Append(entry.Description ?? entry.Status.ToString()).Append('\n');
        }

        return text.ToString();
    }
}
