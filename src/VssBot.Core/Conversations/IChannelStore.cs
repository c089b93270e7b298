namespace VssBot.Core.Conversations;

/// <summary>What a channel keeps beside the conversations: received updates, the outbox
/// and chat links. Writes that belong to a turn go in its <see cref="Engine.TurnResult"/>.</summary>
public interface IChannelStore
{
    /// <summary>Records an update durably; false when it was already recorded.</summary>
    Task<bool> RecordUpdateAsync(ChannelUpdate update);

    IReadOnlyList<ChannelUpdate> PendingUpdates(string channel);

    /// <summary>One chat's unhandled updates, in the channel's order.</summary>
    IReadOnlyList<ChannelUpdate> PendingUpdates(string channel, string address);

    /// <summary>Marks an update handled that needed no turn.</summary>
    Task MarkHandledAsync(string updateId);

    string? LinkedConversation(string linkId);

    IReadOnlyList<OutboxMessage> PendingOutbox(string channel, int max);

    /// <summary>How many messages wait to go on the channel (counted, none read).</summary>
    int OutboxBacklog(string channel);

    Task MarkSentAsync(OutboxMessage message);

    /// <summary>A record a channel keeps about a conversation, by its id.</summary>
    ChannelRecord? FindRecord(string id);

    /// <summary>Saves records together (erased with their conversation).</summary>
    Task SaveRecordsAsync(params ChannelRecord[] records);

    /// <summary>Puts a message in the outbox on its own (a notice that belongs to no turn).</summary>
    Task EnqueueAsync(OutboxMessage message);
}
