using System.Threading.Channels;
using VssBot.Core.Conversations;

namespace VssBot.Staff;

/// <summary>Tells open staff pages, as server-sent events, which handed-off conversation
/// just changed (a new request, a message, a claim), so they update without reloading.</summary>
public sealed class StaffEvents
{
    private readonly List<Channel<string>> _subscribers = [];

    public StaffEvents(ConversationService conversations)
    {
        conversations.Committed += turn =>
        {
            if (turn.Conversation.Handoff is not null || turn.HandoffChanged)
            {
                Publish(turn.Conversation.Id);
            }
        };
    }

    public ChannelReader<string> Subscribe(CancellationToken until)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_subscribers)
        {
            _subscribers.Add(channel);
        }

        until.Register(() =>
        {
            lock (_subscribers)
            {
                _subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    public void Publish(string conversationId)
    {
        lock (_subscribers)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(conversationId);
            }
        }
    }
}
