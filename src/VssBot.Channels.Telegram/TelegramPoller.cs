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
/// </summary>
internal sealed class TelegramPoller(
    ITelegramBotClient bot,
    TelegramInbox inbox,
    TelegramTexts texts,
    IOptions<TelegramOptions> options,
    TelegramWebhookSecret secret,
    ILogger<TelegramPoller> logger)
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await RetryAsync(SetUpAsync, stoppingToken);
        if (!string.IsNullOrWhiteSpace(options.Value.WebhookUrl))
        {
            return;
        }

        int? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, 100, options.Value.PollTimeoutSeconds, Wanted, stoppingToken);
                foreach (var update in updates)
                {
                    await inbox.AcceptAsync(update);
                    offset = update.Id + 1;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("getUpdates failed, retrying: {Error}", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
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
                logger.LogWarning("Telegram set-up failed, retrying: {Error}", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
