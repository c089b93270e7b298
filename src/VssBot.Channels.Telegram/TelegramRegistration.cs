using VssBot.Configuration;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using VssBot.Core.Engine;

namespace VssBot.Channels.Telegram;

public static class TelegramRegistration
{
    public const string WebhookPath = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>The Telegram channel; it runs when Telegram:BotToken is set.</summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered always and switched on by the token at start-up: configuration given
        // late (environment, tests) is read when the host starts, not when it is built.
        services.AddValidatedOptions<TelegramOptions>(configuration, TelegramOptions.Section);
        services.AddHttpClient(TelegramChannel.Name);
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramChannel.Name);
            return new TelegramBotClient(new TelegramBotClientOptions(options.BotToken!, string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl), http);
        });
        services.AddSingleton(sp => TelegramTexts.From(sp.GetRequiredService<DialogContent>()));
        services.AddSingleton<TelegramWebhookSecret>();
        services.AddSingleton<TelegramInbox>();
        services.AddSingleton<TelegramUpdateReader>();
        services.AddSingleton<TelegramConversations>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<VssBot.Core.Conversations.IChannelState, TelegramChannelState>();
        services.AddSingleton<TelegramDispatcher>();
        services.AddSingleton<TelegramPoller>();
        services.AddHostedService<TelegramService>();
        services.AddSingleton<VssBot.Core.Conversations.IReplyChannel, TelegramReplyChannel>();
        services.AddSingleton<VssBot.Core.Conversations.ITurnHook, TelegramStaffMirror>();
        services.AddSingleton<TelegramStaffGroup>();
        return services;
    }

    /// <summary>POST /telegram/webhook, when the channel is in webhook mode: refuses (401) a
    /// call without the right secret header, records the update, answers 200.</summary>
    public static void MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetService<IOptions<TelegramOptions>>()?.Value;
        if (options is null || !options.Enabled || string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            return;
        }

        app.MapPost(WebhookPath, async (HttpContext http, TelegramWebhookSecret secret, TelegramInbox inbox) =>
        {
            if (!secret.Matches(http.Request.Headers[SecretHeader].FirstOrDefault()))
            {
                return Results.Json(new { error = "unauthorized" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            // Not JSON, or no update_id: 400. An update the client library cannot read: logged
            // by the inbox and answered 200, so that Telegram does not send it again and again.
            JsonDocument body;
            try
            {
                body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.Json(new { error = "bad_update" }, statusCode: StatusCodes.Status400BadRequest);
            }

            using (body)
            {
                if (TelegramInbox.IdOf(body.RootElement) is not { } id)
                {
                    return Results.Json(new { error = "bad_update" }, statusCode: StatusCodes.Status400BadRequest);
                }

                await inbox.AcceptAsync(id, body.RootElement);
            }

            return Results.Ok();
        });
    }
}
