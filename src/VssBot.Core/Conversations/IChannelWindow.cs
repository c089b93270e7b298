using VssBot.Core.Engine;

namespace VssBot.Core.Conversations;

/// <summary>Whether a channel lets VssBot write to the person now, unasked (a reminder): some
/// messengers allow it only within a time of the person's last message (Zalo: 7 days).</summary>
public interface IChannelWindow
{
    /// <summary>False when this channel is the conversation's and its window has closed.</summary>
    bool CanReach(Conversation conversation, DateTimeOffset now);
}
