using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VssBot.Hosting;

/// <summary>
/// The two health endpoints, on Microsoft's health checks: <c>/healthz</c> (liveness: the
/// process answers; a channel whose token failed makes it "degraded", still 200) and
/// <c>/readyz</c> (readiness: the store is readable too). Both answer {"status": "ok" |
/// "degraded" | "unhealthy"} (503 when unhealthy).
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
        ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(new
        {
            status = report.Status switch
            {
                HealthStatus.Healthy => "ok",
                HealthStatus.Degraded => "degraded",
                _ => "unhealthy",
            },
        }),
    };
}
