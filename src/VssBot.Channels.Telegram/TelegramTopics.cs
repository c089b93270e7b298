using System.Globalization;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Telegram;

/// <summary>
/// The staff group's forum topic of each handed-off conversation, kept as channel records
/// (erased with the conversation, and the topic deleted then), and the outbox addresses that
/// name a topic: "topic:{staff chat}" (a message in the conversation's topic) and
/// "delete-topic:{staff chat}:{topic}" (delete it with its messages).
/// </summary>
internal static class TelegramTopics
{
    private const string TopicPrefix = "topic:";
    private const string DeletePrefix = "delete-topic:";

    public static string Address(string staffChat) => TopicPrefix + staffChat;

    public static bool IsTopic(string address) => address.StartsWith(TopicPrefix, StringComparison.Ordinal);

    public static (long Chat, int Topic)? ToDelete(string address)
    {
        if (!address.StartsWith(DeletePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = address[DeletePrefix.Length..].Split(':');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The chat a message goes to: the staff group for a topic's address, else the person's chat.</summary>
    public static long Chat(string address) => long.Parse(IsTopic(address) ? address[TopicPrefix.Length..] : address, CultureInfo.InvariantCulture);

    public static int? TopicOf(IChannelStore store, string conversationId) =>
        store.FindRecord(OfConversation(conversationId)) is { } record ? int.Parse(record.Value, CultureInfo.InvariantCulture) : null;

    public static string? ConversationOf(IChannelStore store, int topic) => store.FindRecord(ByTopic(topic))?.ConversationId;

    public static Task SaveAsync(IChannelStore store, string conversationId, long chat, int topic)
    {
        var erase = new OutboxMessage { Channel = TelegramChannel.Name, Address = $"{DeletePrefix}{chat.ToString(CultureInfo.InvariantCulture)}:{topic.ToString(CultureInfo.InvariantCulture)}" };
        return store.SaveRecordsAsync(
            new ChannelRecord { Id = OfConversation(conversationId), ConversationId = conversationId, Value = topic.ToString(CultureInfo.InvariantCulture), OnErase = erase },
            new ChannelRecord { Id = ByTopic(topic), ConversationId = conversationId, Value = conversationId });
    }

    private static string OfConversation(string conversationId) => $"{TelegramChannel.Name}:topic-of:{conversationId}";

    private static string ByTopic(int topic) => $"{TelegramChannel.Name}:topic:{topic.ToString(CultureInfo.InvariantCulture)}";
}
