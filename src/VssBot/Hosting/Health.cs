using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VssBot.Hosting;

/// <summary>
/// The two health endpoints, on Microsoft's health checks: <c>/healthz</c> (liveness: the
/// process answers; a channel whose token failed makes it "degraded", still 200) and
/// <c>/readyz</c> (readiness: the store is readable too). Both answer {"status": "ok" |
/// "degraded" | "unhealthy"} (503 when unhealthy), and, when not ok, "causes": what each
/// failing check said (the store's disk fault, a database it cannot reach), never personal data.
/// </summary>
public static class Health
{
    public const string Live = "live";
    public const string Ready = "ready";

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", Options(Live));
        app.MapHealthChecks("/readyz", Options(Ready));
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = (http, report) => report.Status == HealthStatus.Healthy
            ? http.Response.WriteAsJsonAsync(new { status = "ok" })
            : http.Response.WriteAsJsonAsync(new
            {
                status = report.Status == HealthStatus.Degraded ? "degraded" : "unhealthy",
                causes = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
                    .Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Status.ToString()}").ToArray(),
            }),
    };
}
