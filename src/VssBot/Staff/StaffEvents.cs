using System.Threading.Channels;
using VssBot.Core.Conversations;
using VssBot.Storage;

namespace VssBot.Staff;

/// <summary>Tells open staff pages, as server-sent events, which handed-off conversation
/// just changed (a new request, a message, a claim), so they update without reloading.
/// An event reaches only staff whose offices the conversation belongs to, checked per
/// event against the account as it is now (a removed or moved account hears nothing).</summary>
public sealed class StaffEvents : ITurnHook
{
    private readonly List<Subscriber> _subscribers = [];
    private readonly VssBot.Core.Staff.IStaffStore _store;

    public StaffEvents(VssBot.Core.Staff.IStaffStore store)
    {
        _store = store;
    }

    /// <summary>A committed turn that touched a handoff reaches the pages of its office's staff.</summary>
    public void AfterCommit(VssBot.Core.Engine.TurnResult turn)
    {
        if (turn.Conversation.Handoff is not null || turn.HandoffChanged)
        {
            Publish(turn.Conversation.Id, turn.HandoffOffice);
        }
    }

    public ChannelReader<string> Subscribe(string staffId, CancellationToken until)
    {
        var subscriber = new Subscriber(staffId, Channel.CreateBounded<string>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest }));
        lock (_subscribers)
        {
            _subscribers.Add(subscriber);
        }

        until.Register(() =>
        {
            lock (_subscribers)
            {
                _subscribers.Remove(subscriber);
            }

            subscriber.Channel.Writer.TryComplete();
        });
        return subscriber.Channel.Reader;
    }

    public void Publish(string conversationId, string? officeId)
    {
        Subscriber[] all;
        lock (_subscribers)
        {
            all = [.. _subscribers];
        }

        foreach (var subscriber in all)
        {
            if (_store.FindStaff(subscriber.StaffId) is { } account && account.Serves(officeId))
            {
                subscriber.Channel.Writer.TryWrite(conversationId);
            }
        }
    }

    private sealed record Subscriber(string StaffId, Channel<string> Channel);
}
