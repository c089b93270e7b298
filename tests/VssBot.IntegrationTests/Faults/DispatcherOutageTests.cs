using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using VssBot.Channels;
using VssBot.Core.Conversations;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Faults;

/// <summary>
/// A channel's recorded updates while the store is unavailable (a full disk, a database
/// restarting), on a real store: the update whose handling met the outage is not given up
/// (it used to wait for the next restart, and its chat stalled behind it); it is handled once
/// the store answers, in its chat's order, and other chats are handled meanwhile.
/// </summary>
public sealed class DispatcherOutageTests
{
    private static ChannelUpdate Update(string id, string chat, long number) => new()
    {
        Id = "test:" + id, Channel = "test", Number = number, Address = chat, Payload = "{}", ReceivedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task AnUpdateThatMetAStoreOutageIsHandledOnceTheStoreAnswersAndItsChatGoesOnInOrder()
    {
        using var data = new TempFolder("dispatcher-outage");
        using var store = new LiteDbStore(new StoreOptions { DataDirectory = data.Path, Password = VssBotProcess.TestKey });
        var inbox = new ChannelInbox(store);
        var handled = new ConcurrentQueue<string>();
        var outage = 2; // the first two tries of "a2" meet the outage
        async Task HandleAsync(IReadOnlyList<ChannelUpdate> batch, CancellationToken cancellationToken)
        {
            foreach (var update in batch)
            {
                if (update.Id == "test:a2" && Interlocked.Decrement(ref outage) >= 0)
                {
                    throw new StoreUnavailableException("storage: appending to the journal: No space left on device");
                }

                await store.MarkHandledAsync(update.Id);
                handled.Enqueue(update.Id);
            }
        }

        using var flood = new MessageLimiter(1000, 1000);
        using var stopping = new CancellationTokenSource();
        var dispatcher = new ChannelDispatcher("test", inbox, store, HandleAsync, TimeSpan.Zero, flood, new ProcessConversationLock(),
            TimeProvider.System, NullLogger.Instance, sweepEvery: TimeSpan.FromMilliseconds(100));
        var running = dispatcher.RunAsync(stopping.Token);

        await inbox.AcceptAsync(Update("a1", "chat-a", 1));
        await inbox.AcceptAsync(Update("a2", "chat-a", 2));
        await inbox.AcceptAsync(Update("a3", "chat-a", 3));
        await inbox.AcceptAsync(Update("b1", "chat-b", 4));

        await Poll.UntilAsync(() => Task.FromResult(handled.Count == 4), TimeSpan.FromSeconds(30), () => "handled: " + string.Join(", ", handled));
        var order = handled.ToList();
        Assert.True(order.IndexOf("test:a1") < order.IndexOf("test:a2") && order.IndexOf("test:a2") < order.IndexOf("test:a3"), string.Join(", ", order));
        Assert.True(outage < 0, "the outage was never met");
        Assert.Empty(store.PendingUpdates("test"));

        await stopping.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }); // stopping ends it (cancellation)
    }
}
