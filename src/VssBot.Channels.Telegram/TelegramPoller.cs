using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace VssBot.Channels.Telegram;

/// <summary>
/// Tells Telegram the bot's commands and how updates are delivered, then, unless in
/// webhook mode, long-polls getUpdates. The offset moves past an update only after the
/// update is recorded in the store (ReceiveAsync would move it before any handler ran).
/// getUpdates is read as JSON and each update on its own: one update the client library
/// cannot read (a field of a newer Bot API, an unexpected type) is logged and passed over,
/// where reading the batch whole failed it for every chat, again every two seconds.
/// </summary>
internal sealed class TelegramPoller(
    ITelegramBotClient bot,
    IHttpClientFactory httpClients,
    TelegramInbox inbox,
    TelegramTexts texts,
    IOptions<TelegramOptions> options,
    TelegramWebhookSecret secret,
    ILogger<TelegramPoller> logger)
{
    private static readonly string[] WantedNames = ["message", "callback_query"];

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await RetryAsync(SetUpAsync, stoppingToken);
        if (!string.IsNullOrWhiteSpace(options.Value.WebhookUrl))
        {
            return;
        }

        long? offset = null;
        var http = httpClients.CreateClient(TelegramChannel.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var raw in await GetUpdatesAsync(http, offset, stoppingToken))
                {
                    if (TelegramInbox.IdOf(raw) is not { } id)
                    {
                        logger.LogWarning("Telegram sent an update without update_id: passed over");
                        continue;
                    }

                    await inbox.AcceptAsync(id, raw); // throws when it cannot be recorded: the offset stays before it
                    offset = id + 1;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "getUpdates failed, retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    // getUpdates as JSON: the updates as elements, each read on its own by the inbox.
    private async Task<JsonElement[]> GetUpdatesAsync(HttpClient http, long? offset, CancellationToken stoppingToken)
    {
        var o = options.Value;
        var server = string.IsNullOrWhiteSpace(o.ApiBaseUrl) ? "https://api.telegram.org" : o.ApiBaseUrl.TrimEnd('/');
        var request = new Dictionary<string, object> { ["limit"] = 100, ["timeout"] = o.PollTimeoutSeconds, ["allowed_updates"] = WantedNames };
        if (offset is { } from)
        {
            request["offset"] = from;
        }

        using var response = await http.PostAsJsonAsync($"{server}/bot{o.BotToken}/getUpdates", request, stoppingToken);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(stoppingToken), cancellationToken: stoppingToken);
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True
            || !root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
        {
            var description = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("description", out var d) ? d.ToString() : "no description";
            throw new HttpRequestException($"getUpdates answered {(int)response.StatusCode}: {description}");
        }

        return [.. result.EnumerateArray().Select(u => u.Clone())];
    }

    private async Task SetUpAsync(CancellationToken stoppingToken)
    {
        await bot.SetMyCommands(
        [
            new BotCommand { Command = "start", Description = texts["telegram_cmd_start"] },
            new BotCommand { Command = "menu", Description = texts["telegram_cmd_menu"] },
            new BotCommand { Command = "help", Description = texts["telegram_cmd_help"] },
            new BotCommand { Command = "cancel", Description = texts["telegram_cmd_cancel"] },
        ], cancellationToken: stoppingToken);
        if (string.IsNullOrWhiteSpace(options.Value.WebhookUrl))
        {
            await bot.DeleteWebhook(cancellationToken: stoppingToken);
            logger.LogInformation("Telegram: long polling");
        }
        else
        {
            await bot.SetWebhook(options.Value.WebhookUrl, secretToken: secret.Value, allowedUpdates: Wanted, cancellationToken: stoppingToken);
            logger.LogInformation("Telegram: webhook registered");
        }
    }

    private async Task RetryAsync(Func<CancellationToken, Task> action, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await action(stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Telegram set-up failed, retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
