using Microsoft.AspNetCore.Connections;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;
using VssBot.Core.Telemetry;
using VssBot.Web;

namespace VssBot.Hosting;

/// <summary>
/// A store that cannot keep a request's writes (a full or failing disk, a database that
/// cannot be reached) is answered 503 with Retry-After and a kind message from dialogs/
/// ("not saved, send it again in a few minutes"), never a bare 500: JSON for the chat API and
/// the platforms' webhooks (which deliver again), the message as text for pages. Counted.
/// While the store refuses writes, any failure of a request is taken for that (a read of
/// LiteDB's closed engine, say).
/// </summary>
public static class StoreOutage
{
    /// <summary>Seconds a person (or a platform) is asked to wait before sending again.</summary>
    public const int RetryAfterSeconds = 60;

    public static void UseStoreOutage(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreOutage));
        var health = app.Services.GetRequiredService<IStoreHealth>();
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when ((Is(e) || health.Fault is not null) && !http.Response.HasStarted)
            {
                VssBotMetrics.StoreUnavailable.Add(1);
                logger.LogWarning("{Path}: answered 503, the store cannot keep it now ({Error})", Masked(http.Request.Path), Cause(e));
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var message = http.RequestServices.GetRequiredService<DialogContent>().Texts["web_store_unavailable"];
                if (http.Request.Path.StartsWithSegments("/staff"))
                {
                    await http.Response.WriteAsync(message);
                }
                else
                {
                    await VssBot.Web.ApiProblem.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "store_unavailable", message);
                }
            }
        });
    }

    /// <summary>True when <paramref name="e"/> says the store cannot be written or reached now.</summary>
    public static bool Is(Exception e)
    {
        if (e is ConnectionResetException or BadHttpRequestException)
        {
            return false; // the client, not the store
        }

        return StoreUnavailableException.IsUnavailable(e);
    }

    private static string Cause(Exception e) => e is StoreUnavailableException s ? s.Cause : e.GetType().Name + ": " + e.Message;

    // The chat's key is in the path: never logged.
    private static string Masked(PathString path) =>
        path.StartsWithSegments("/api/chat/conversations") ? "/api/chat/conversations/…" : path.ToString();
}
