namespace VssBot.Core.Conversations;

/// <summary>
/// Something a channel keeps about a conversation (Telegram: the staff group's topic of a
/// handed-off conversation), opaque to everything else. When the person's data is erased,
/// the records go with the conversation and each <see cref="OnErase"/> message is sent (the
/// channel removing what it copied, e.g. the topic and its messages).
/// </summary>
public sealed class ChannelRecord
{
    /// <summary>Unique, chosen by the channel ("telegram:topic-of:{conversation}").</summary>
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string Value { get; set; } = "";

    /// <summary>Put in the outbox when the conversation is erased.</summary>
    public OutboxMessage? OnErase { get; set; }
}
