using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VssBot.Channels;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Telegram;

/// <summary>Runs recorded Telegram updates through the shared <see cref="ChannelDispatcher"/>:
/// in order within a chat, chats in parallel, an album's photos together.</summary>
internal sealed class TelegramDispatcher(
    TelegramInbox inbox,
    IChannelStore store,
    TelegramConversations handler,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    MessageLimiter flood,
    IConversationLock chatLocks,
    ILogger<TelegramDispatcher> logger)
{
    public Task RunAsync(CancellationToken stoppingToken) =>
        new ChannelDispatcher(TelegramChannel.Name, inbox.Shared, store, handler.HandleAsync,
            TimeSpan.FromMilliseconds(options.Value.AlbumWaitMs), flood, chatLocks, clock, logger).RunAsync(stoppingToken);
}
