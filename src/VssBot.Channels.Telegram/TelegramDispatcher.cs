using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Telegram;

/// <summary>
/// Runs recorded updates: in order within a chat, chats in parallel. Updates left
/// unhandled by a crash are picked up at start. The photos of an album (one media group)
/// are held until no more have come for a short while, then handled together.
/// </summary>
internal sealed class TelegramDispatcher(
    TelegramInbox inbox,
    IChannelStore store,
    TelegramConversations handler,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    MessageLimiter flood,
    ILogger<TelegramDispatcher> logger)
{
    private readonly Dictionary<string, ChatQueue> _chats = [];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        foreach (var pending in store.PendingUpdates(TelegramChannel.Name))
        {
            Route(pending, stoppingToken);
        }

        await foreach (var update in inbox.Recorded.ReadAllAsync(stoppingToken))
        {
            Route(update, stoppingToken);
        }
    }

    private void Route(ChannelUpdate update, CancellationToken stoppingToken)
    {
        lock (_chats)
        {
            if (!_chats.TryGetValue(update.Address, out var queue))
            {
                queue = new ChatQueue();
                _chats[update.Address] = queue;
            }

            if (queue.Updates.Any(u => u.Id == update.Id))
            {
                return;
            }

            queue.Updates.Add(update);
            queue.Updates.Sort((a, b) => a.Number.CompareTo(b.Number));
            if (!queue.Running)
            {
                queue.Running = true;
                _ = Task.Run(() => RunChatAsync(update.Address, queue, stoppingToken), stoppingToken);
            }
        }
    }

    private async Task RunChatAsync(string chat, ChatQueue queue, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            List<ChannelUpdate> batch;
            lock (_chats)
            {
                if (queue.Updates.Count == 0)
                {
                    queue.Running = false;
                    _chats.Remove(chat);
                    return;
                }

                batch = [queue.Updates[0]];
            }

            if (batch[0].Group is { } group)
            {
                batch = await CollectAlbumAsync(queue, group, stoppingToken);
            }

            // A flooding chat waits for its own tokens; other chats run on.
            await flood.TakeAsync($"telegram:{chat}", stoppingToken);

            try
            {
                await handler.HandleAsync(batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The update stays unhandled in the store and is tried again at the next start;
                // the chat goes on with its next message rather than stall.
                logger.LogError(e, "Telegram update {UpdateNumber} failed", batch[0].Number);
            }

            lock (_chats)
            {
                queue.Updates.RemoveAll(u => batch.Contains(u));
            }
        }
    }

    private async Task<List<ChannelUpdate>> CollectAlbumAsync(ChatQueue queue, string group, CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromMilliseconds(options.Value.AlbumWaitMs);
        while (true)
        {
            List<ChannelUpdate> items;
            lock (_chats)
            {
                items = queue.Updates.Where(u => u.Group == group).ToList();
            }

            var quiet = clock.GetUtcNow() - items.Max(u => u.ReceivedAt);
            if (quiet >= wait)
            {
                return items;
            }

            await Task.Delay(wait - quiet, stoppingToken);
        }
    }

    private sealed class ChatQueue
    {
        public List<ChannelUpdate> Updates { get; } = [];
        public bool Running { get; set; }
    }
}
