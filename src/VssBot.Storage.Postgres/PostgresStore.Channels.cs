using VssBot.Core.Conversations;

namespace VssBot.Storage.Postgres;

// Channels' inbox (deduplicated by a unique key), outbox, chat links and records; secrets.
public sealed partial class PostgresStore
{
    public async Task<bool> RecordUpdateAsync(ChannelUpdate update) =>
        await ExecuteAsync("""
            insert into channel_updates (id, channel, address, number, received_at, data) values (@id, @channel, @address, @number, @at, @data)
            on conflict (id) do nothing
            """, ("id", update.Id), ("channel", update.Channel), ("address", update.Address), ("number", update.Number),
            ("at", update.ReceivedAt.UtcDateTime), ("data", _sealed.Seal(update))) == 1;

    public IReadOnlyList<ChannelUpdate> PendingUpdates(string channel) =>
        Many("select data from channel_updates where channel = @channel and not done order by number", r => _sealed.Open<ChannelUpdate>((byte[])r[0]), ("channel", channel));

    public IReadOnlyList<ChannelUpdate> PendingUpdates(string channel, string address) =>
        Many("select data from channel_updates where channel = @channel and address = @address and not done order by number",
            r => _sealed.Open<ChannelUpdate>((byte[])r[0]), ("channel", channel), ("address", address));

    // A handled update keeps only what deduplication needs: its id (and when, for retention).
    public Task MarkHandledAsync(string updateId) =>
        ExecuteAsync("update channel_updates set done = true, address = '', data = null where id = @id", ("id", updateId));

    public string? LinkedConversation(string linkId) =>
        One("select conversation_id from channel_links where id = @id", r => (string)r[0], ("id", linkId));

    public IReadOnlyList<OutboxMessage> PendingOutbox(string channel, int max) =>
        Many("select data from outbox where channel = @channel and pending order by created_at, id limit @max", r => _sealed.Open<OutboxMessage>((byte[])r[0]),
            ("channel", channel), ("max", max));

    public int OutboxBacklog(string channel) =>
        One("select count(*)::int from outbox where channel = @channel and pending", r => (int)r[0], ("channel", channel));

    public async Task EnqueueAsync(OutboxMessage message)
    {
        await using var connection = await _data.OpenConnectionAsync();
        await UpsertOutboxAsync(connection, null, message);
    }

    /// <summary>A delivered message (or one refused for good) leaves the outbox.</summary>
    public Task MarkSentAsync(OutboxMessage message) => ExecuteAsync("delete from outbox where id = @id", ("id", message.Id));

    public ChannelRecord? FindRecord(string id) => One("select data from channel_records where id = @id", r => _sealed.Open<ChannelRecord>((byte[])r[0]), ("id", id));

    public async Task SaveRecordsAsync(params ChannelRecord[] records)
    {
        await using var connection = await _data.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var record in records)
        {
            await ExecuteAsync(connection, tx, """
                insert into channel_records (id, conversation_id, data) values (@id, @c, @data)
                on conflict (id) do update set conversation_id = excluded.conversation_id, data = excluded.data
                """, ("id", record.Id), ("c", record.ConversationId), ("data", _sealed.Seal(record)));
        }

        await tx.CommitAsync();
    }

    public string? Secret(string key) => One("select data from secrets where key = @key", r => _sealed.Open<string>((byte[])r[0]), ("key", key));

    public Task SaveSecretAsync(string key, string value) =>
        ExecuteAsync("insert into secrets (key, data) values (@key, @data) on conflict (key) do update set data = excluded.data", ("key", key), ("data", _sealed.Seal(value)));
}
