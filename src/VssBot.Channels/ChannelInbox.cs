using System.Threading.Channels;
using VssBot.Core.Conversations;

namespace VssBot.Channels;

/// <summary>
/// Where a channel's updates arrive (polling or a webhook): each is recorded in the store
/// before it is acknowledged; a duplicate (same id: Telegram's update id, Zalo's msg_id) is
/// dropped; recorded ones are handed to the <see cref="ChannelDispatcher"/>.
/// </summary>
public sealed class ChannelInbox(IChannelStore store)
{
    private readonly Channel<ChannelUpdate> _recorded = Channel.CreateUnbounded<ChannelUpdate>();

    public ChannelReader<ChannelUpdate> Recorded => _recorded.Reader;

    /// <summary>Records the update; false when it had been received before.</summary>
    public async Task<bool> AcceptAsync(ChannelUpdate update)
    {
        if (!await store.RecordUpdateAsync(update))
        {
            return false;
        }

        await _recorded.Writer.WriteAsync(update);
        return true;
    }
}
