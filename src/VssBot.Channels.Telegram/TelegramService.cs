using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VssBot.Channels.Telegram;

/// <summary>Runs the channel when a bot token is configured: receiving (polling or
/// webhook set-up), handling chat by chat, and sending from the outbox.</summary>
internal sealed class TelegramService(IServiceProvider services, IOptions<TelegramOptions> options, ILogger<TelegramService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Telegram: off (no Telegram:BotToken)");
            return Task.CompletedTask;
        }

        return Task.WhenAll(
            // Long polling on one instance of a cluster at a time (Telegram allows one getUpdates consumer).
            services.GetRequiredService<VssBot.Core.Conversations.IClusterLeadership>().RunAsLeaderAsync("telegram-polling",
                services.GetRequiredService<TelegramPoller>().RunAsync, stoppingToken),
            services.GetRequiredService<TelegramDispatcher>().RunAsync(stoppingToken),
            services.GetRequiredService<TelegramSender>().RunAsync(stoppingToken));
    }
}
