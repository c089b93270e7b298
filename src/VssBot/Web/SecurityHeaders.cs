namespace VssBot.Web;

/// <summary>
/// Protective headers on every answer: a Content-Security-Policy without inline script or
/// style (pages load their scripts and styles from /assets and the chat page's files),
/// no framing, no MIME sniffing, no referrer; and <c>Cache-Control: no-store</c> on
/// everything that may carry personal data (the chat API and the staff console).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (CarriesPersonalData(http.Request.Path))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(http);
    });

    private static bool CarriesPersonalData(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/staff") || path.StartsWithSegments("/telegram");
}
