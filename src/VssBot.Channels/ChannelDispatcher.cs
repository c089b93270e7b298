using Microsoft.Extensions.Logging;
using VssBot.Core.Conversations;

namespace VssBot.Channels;

/// <summary>
/// Runs a channel's recorded updates: in order within one person's chat, chats in parallel.
/// Updates left unhandled by a crash are picked up at start. Updates of one group (an album)
/// are held until none has come for <paramref name="groupWait"/>, then handled together. A
/// flooding chat waits for its own tokens; the others run on.
/// </summary>
public sealed class ChannelDispatcher(
    string channel,
    ChannelInbox inbox,
    IChannelStore store,
    Func<IReadOnlyList<ChannelUpdate>, CancellationToken, Task> handle,
    TimeSpan groupWait,
    MessageLimiter flood,
    TimeProvider clock,
    ILogger logger)
{
    private readonly Dictionary<string, ChatQueue> _chats = [];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        foreach (var pending in store.PendingUpdates(channel))
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
                batch = await CollectGroupAsync(queue, group, stoppingToken);
            }

            await flood.TakeAsync($"{channel}:{chat}", stoppingToken);
            try
            {
                await handle(batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The update stays unhandled in the store and is tried again at the next start;
                // the chat goes on with its next message rather than stall.
                logger.LogError(e, "{Channel} update {UpdateNumber} failed", channel, batch[0].Number);
            }

            lock (_chats)
            {
                queue.Updates.RemoveAll(u => batch.Contains(u));
            }
        }
    }

    private async Task<List<ChannelUpdate>> CollectGroupAsync(ChatQueue queue, string group, CancellationToken stoppingToken)
    {
        while (true)
        {
            List<ChannelUpdate> items;
            lock (_chats)
            {
                items = queue.Updates.Where(u => u.Group == group).ToList();
            }

            var quiet = clock.GetUtcNow() - items.Max(u => u.ReceivedAt);
            if (quiet >= groupWait)
            {
                return items;
            }

            await Task.Delay(groupWait - quiet, stoppingToken);
        }
    }

    private sealed class ChatQueue
    {
        public List<ChannelUpdate> Updates { get; } = [];
        public bool Running { get; set; }
    }
}
