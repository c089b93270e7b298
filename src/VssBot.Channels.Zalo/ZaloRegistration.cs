using VssBot.Configuration;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;

namespace VssBot.Channels.Zalo;

public static class ZaloRegistration
{
    public const string WebhookPath = "/zalo/webhook";

    /// <summary>The picture of the "share your phone number" card, served by VssBot itself.</summary>
    public const string ContactImagePath = "/zalo/share-phone.png";

    private const int MaxEventBytes = 256 * 1024;

    /// <summary>The Zalo OA channel; it runs when Zalo:AppId and a token are set.</summary>
    public static IServiceCollection AddZaloChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ZaloOptions>(configuration, ZaloOptions.Section);
        // Zalo's API through IHttpClientFactory with a resilience pipeline of timeouts only: a
        // call never hangs. No retries and no circuit breaker here: the outbox retries each
        // address with its own backoff, so one person's failing sends neither hold the drain
        // nor open a breaker for everyone else.
        services.AddHttpClient<ZaloApi>().AddResilienceHandler("zalo", pipeline => pipeline.AddTimeout(TimeSpan.FromSeconds(20)));
        services.AddSingleton(sp => ZaloTexts.From(sp.GetRequiredService<DialogContent>()));
        services.AddSingleton<ZaloTokens>();
        services.AddSingleton<VssBot.Core.Conversations.IChannelState, ZaloChannelState>();
        services.AddSingleton<ZaloInbox>();
        services.AddSingleton<ZaloConversations>();
        services.AddSingleton<ZaloSender>();
        services.AddHostedService<ZaloService>();
        services.AddSingleton<IReplyChannel, ZaloReplyChannel>();
        services.AddSingleton<ZaloNotice>();
        services.AddSingleton<IChannelNotice>(sp => sp.GetRequiredService<ZaloNotice>());
        services.AddSingleton<IChannelWindow>(sp => sp.GetRequiredService<ZaloNotice>());
        // On /healthz and /readyz alike ("live" and "ready" are the host's health tags).
        services.AddHealthChecks().AddCheck<ZaloHealthCheck>(ZaloChannel.Name, tags: ["live", "ready"]);
        return services;
    }

    /// <summary>POST /zalo/webhook: the signature is checked on the raw bytes before anything
    /// else (401, nothing recorded), the event recorded, 200 at once; handled after.</summary>
    public static void MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        app.MapGet(ContactImagePath, () => Results.Bytes(SharePhoneImage.Value, "image/png"));
        app.MapPost(WebhookPath, async (HttpContext http, IOptions<ZaloOptions> options, ZaloInbox inbox) =>
        {
            var o = options.Value;
            if (!o.Enabled || string.IsNullOrEmpty(o.OaSecretKey))
            {
                return Results.NotFound();
            }

            if (http.Request.ContentLength > MaxEventBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            JsonNode? node;
            try
            {
                node = body.Length is 0 or > MaxEventBytes ? null : JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                node = null;
            }

            // Unparsable, unsigned or wrongly signed: refused, nothing recorded.
            var timestamp = node?["timestamp"]?.ToString() ?? "";
            if (node is null || !ZaloSignature.Matches(http.Request.Headers[ZaloSignature.Header].FirstOrDefault(), o.AppId!, body, timestamp, o.OaSecretKey))
            {
                return Results.Json(new { error = "unauthorized" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            // Only a person writing or acting is recorded and answered; receipts, echoes, tags
            // and the like get their 200 and nothing else (an unknown name is logged once).
            var e = ZaloEvent.Parse(node);
            if (e is { IsFromPerson: true, UserId: { Length: > 0 } })
            {
                await inbox.AcceptAsync(e, body);
            }
            else if (e is { IsUnknown: true } && UnknownEvents.TryAdd(e.Name, true))
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("VssBot.Channels.Zalo.ZaloWebhook")
                    .LogInformation("Zalo sent an event VssBot does not know, {Event}: accepted and not answered (logged once)", e.Name);
            }

            return Results.Ok();
        }).DisableAntiforgery();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> UnknownEvents = new();

    private static readonly Lazy<byte[]> SharePhoneImage = new(() =>
    {
        // A plain card picture: Zalo wants an http(s) image on the share-phone card.
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(320, 180));
        surface.Canvas.Clear(new SkiaSharp.SKColor(10, 90, 168));
        using var white = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.White, IsAntialias = true };
        surface.Canvas.DrawRoundRect(new SkiaSharp.SKRect(130, 30, 190, 150), 10, 10, white);
        using var blue = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(10, 90, 168), IsAntialias = true };
        surface.Canvas.DrawRect(new SkiaSharp.SKRect(138, 45, 182, 125), blue);
        using var image = surface.Snapshot();
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    });
}
