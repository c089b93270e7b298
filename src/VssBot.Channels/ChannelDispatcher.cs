using Microsoft.Extensions.Logging;
using VssBot.Core.Conversations;

namespace VssBot.Channels;

/// <summary>
/// Runs a channel's recorded updates: in order within one person's chat, chats in parallel.
/// Updates of one group (an album) are held until none has come for <paramref name="groupWait"/>,
/// then handled together. A flooding chat waits for its own tokens; the others run on.
/// Several instances may share the store (webhooks land on any of them): a chat is handled under
/// its lock, and under it the store's own list of the chat's pending updates is what runs, in
/// the channel's order, so an update another instance recorded earlier goes first and nothing
/// runs twice. Updates left unhandled by a crash (of this instance or another) are picked up at
/// start and by a sweep every <paramref name="sweepEvery"/>.
/// </summary>
public sealed class ChannelDispatcher(
    string channel,
    ChannelInbox inbox,
    IChannelStore store,
    Func<IReadOnlyList<ChannelUpdate>, CancellationToken, Task> handle,
    TimeSpan groupWait,
    MessageLimiter flood,
    IConversationLock chatLocks,
    TimeProvider clock,
    ILogger logger,
    TimeSpan? sweepEvery = null)
{
    private readonly Dictionary<string, ChatQueue> _chats = [];

    // Updates routed and not yet handled here, and those that failed here (not retried until
    // the next start): the sweep skips both.
    private readonly HashSet<string> _routed = [];
    private readonly HashSet<string> _failed = [];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        Sweep(stoppingToken);
        var sweeping = SweepAsync(stoppingToken);
        await foreach (var update in inbox.Recorded.ReadAllAsync(stoppingToken))
        {
            Route(update, stoppingToken);
        }

        await sweeping;
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        var every = sweepEvery ?? TimeSpan.FromSeconds(30);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(every, clock, stoppingToken);
                try
                {
                    Sweep(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store cannot be read now: the next sweep tries again (it used to end the sweeps).
                    logger.LogWarning(e, "{Channel} sweep of pending updates failed; next time", channel);
                }
            }
        }
        catch (OperationCanceledException e)
        {
            // The host is stopping: updates not handled yet stay pending for the next start.
            if (stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug("{Channel} dispatcher stopped", channel);
            }
            else
            {
                logger.LogError(e, "{Channel} dispatcher ended without being stopped; pending updates wait for the next start", channel);
            }
        }
    }

    private void Sweep(CancellationToken stoppingToken)
    {
        foreach (var pending in store.PendingUpdates(channel))
        {
            Route(pending, stoppingToken);
        }
    }

    private void Route(ChannelUpdate update, CancellationToken stoppingToken)
    {
        lock (_chats)
        {
            if (_failed.Contains(update.Id) || !_routed.Add(update.Id))
            {
                return;
            }

            if (!_chats.TryGetValue(update.Address, out var queue))
            {
                queue = new ChatQueue();
                _chats[update.Address] = queue;
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
            ChannelUpdate first;
            lock (_chats)
            {
                if (queue.Updates.Count == 0)
                {
                    queue.Running = false;
                    _chats.Remove(chat);
                    return;
                }

                first = queue.Updates[0];
            }

            if (first.Group is { } group)
            {
                await WaitForGroupAsync(queue, group, stoppingToken);
            }

            HashSet<string> handled;
            try
            {
                handled = await RunPendingAsync(chat, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store is unavailable (a full disk, a database restarting): the chat's
                // updates stay pending in the store, and the sweep routes them again once it
                // answers. The chat is not left marked as running, which stalled it for good.
                logger.LogWarning(e, "{Channel} chat paused while the store is unavailable; its updates are taken again by the sweep", channel);
                lock (_chats)
                {
                    _routed.ExceptWith(queue.Updates.Select(u => u.Id));
                    queue.Updates.Clear();
                    queue.Running = false;
                    _chats.Remove(chat);
                }

                return;
            }

            lock (_chats)
            {
                queue.Updates.RemoveAll(u => u.Id == first.Id || handled.Contains(u.Id));
                _routed.Remove(first.Id);
                _routed.ExceptWith(handled);
            }
        }
    }

    /// <summary>Under the chat's lock, runs what the store still holds for the chat, in order.</summary>
    private async Task<HashSet<string>> RunPendingAsync(string chat, CancellationToken stoppingToken)
    {
        var handled = new HashSet<string>();
        using var held = await chatLocks.AcquireAsync($"inbox:{channel}:{chat}");
        var stored = store.PendingUpdates(channel, chat);
        List<ChannelUpdate> pending;
        lock (_chats)
        {
            pending = stored.Where(u => !_failed.Contains(u.Id)).ToList();
        }

        while (pending.Count > 0)
        {
            var batch = pending[0].Group is { } group ? pending.Where(u => u.Group == group).ToList() : [pending[0]];
            pending.RemoveAll(batch.Contains);
            await flood.TakeAsync($"{channel}:{chat}", stoppingToken);
            try
            {
                await handle(batch, stoppingToken);
            }
            catch (Exception e) when (StoreUnavailableException.IsUnavailable(e))
            {
                throw; // not this update's fault: it is taken again once the store answers
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The update stays unhandled in the store and is tried again at the next start;
                // the chat goes on with its next message rather than stall.
                logger.LogError(e, "{Channel} update {UpdateNumber} failed", channel, batch[0].Number);
                lock (_chats)
                {
                    _failed.UnionWith(batch.Select(u => u.Id));
                }
            }

            handled.UnionWith(batch.Select(u => u.Id));
        }

        return handled;
    }

    private async Task WaitForGroupAsync(ChatQueue queue, string group, CancellationToken stoppingToken)
    {
        while (true)
        {
            DateTimeOffset latest;
            lock (_chats)
            {
                latest = queue.Updates.Where(u => u.Group == group).Max(u => u.ReceivedAt);
            }

            var quiet = clock.GetUtcNow() - latest;
            if (quiet >= groupWait)
            {
                return;
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
