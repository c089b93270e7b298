using VssBot.Core.Conversations;
using VssBot.Core.Migration;
using VssBot.Core.Staff;

namespace VssBot.Storage;

// Everything read out whole, for `data migrate` to another store.
public sealed partial class LiteDbStore : IStoreExport
{
    public IEnumerable<string> ConversationIds() =>
        _db.GetCollection(Collections.Conversations).FindAll().Select(d => d["_id"].AsString);

    public IEnumerable<string> PhotoKeys() => PhotoShelf.Keys(_db);

    public IEnumerable<ChannelLink> Links() => _db.GetCollection<ChannelLink>(Collections.Links).FindAll();

    public IEnumerable<ChannelUpdate> Updates() => _db.GetCollection<ChannelUpdate>(Collections.Updates).FindAll();

    public IEnumerable<OutboxMessage> Outbox() =>
        _db.GetCollection<OutboxMessage>(Collections.Outbox).FindAll().Where(m => m.SentAt is null && m.FailedReason is null);

    public IEnumerable<ChannelRecord> Records() => _db.GetCollection<ChannelRecord>(Collections.Records).FindAll();

    public IEnumerable<StaffNote> Notes() => _db.GetCollection<StaffNote>(Collections.Notes).FindAll();

    public IEnumerable<KeyValuePair<string, string>> Secrets() =>
        _db.GetCollection(Collections.Secrets).FindAll().Select(d => KeyValuePair.Create(d["_id"].AsString, d["Value"].AsString));

    public IEnumerable<(string Id, string Version, string Text)> DialogVersions() =>
        _db.GetCollection<ArchivedDialog>(Collections.DialogVersions).FindAll().Select(a =>
        {
            var at = a.Id.LastIndexOf('@');
            return (a.Id[..at], a.Id[(at + 1)..], a.Text);
        });
}
