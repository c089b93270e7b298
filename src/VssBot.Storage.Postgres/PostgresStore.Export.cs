using VssBot.Core.Conversations;
using VssBot.Core.Migration;
using VssBot.Core.Staff;

namespace VssBot.Storage.Postgres;

// Everything read out whole: what `data migrate` checks its copy against.
public sealed partial class PostgresStore : IStoreExport, VssBot.Core.Backups.IStoreSize
{
    public long SizeOnDisk => One("select pg_database_size(current_database())", r => (long)r[0]);

    public IEnumerable<string> ConversationIds() => Many("select id from conversations order by id", r => (string)r[0]);

    public IEnumerable<string> PhotoKeys() => Many("select key from photos order by key", r => (string)r[0]);

    public IEnumerable<ChannelLink> Links() =>
        Many("select id, conversation_id from channel_links", r => new ChannelLink { Id = (string)r[0], ConversationId = (string)r[1] });

    // A handled update keeps only its id, number and time.
    public IEnumerable<ChannelUpdate> Updates() =>
        Many("select id, channel, number, received_at, done, data from channel_updates order by number", r => r.IsDBNull(5)
            ? new ChannelUpdate { Id = (string)r[0], Channel = (string)r[1], Number = (long)r[2], ReceivedAt = r.GetFieldValue<DateTimeOffset>(3), Done = (bool)r[4] }
            : _sealed.Open<ChannelUpdate>((byte[])r[5]));

    public IEnumerable<OutboxMessage> Outbox() => Many("select data from outbox where pending order by created_at, id", r => _sealed.Open<OutboxMessage>((byte[])r[0]));

    public IEnumerable<ChannelRecord> Records() => Many("select data from channel_records", r => _sealed.Open<ChannelRecord>((byte[])r[0]));

    public IEnumerable<StaffNote> Notes() => Many("select data from notes order by at", r => _sealed.Open<StaffNote>((byte[])r[0]));

    public IEnumerable<KeyValuePair<string, string>> Secrets() =>
        Many("select key, data from secrets", r => KeyValuePair.Create((string)r[0], _sealed.Open<string>((byte[])r[1])));

    public IEnumerable<(string Id, string Version, string Text)> DialogVersions() =>
        Many("select id, text from dialog_versions", r =>
        {
            var id = (string)r[0];
            var at = id.LastIndexOf('@');
            return (id[..at], id[(at + 1)..], (string)r[1]);
        });
}
