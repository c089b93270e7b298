using VssBot.Core.Engine;

namespace VssBot.Core.Conversations;

/// <summary>What staff should know about a conversation's channel now (a messenger's reply
/// window that has closed), shown on the conversation's page; null when nothing.</summary>
public interface IChannelNotice
{
    string? NoticeFor(Conversation conversation, DateTimeOffset now);
}
