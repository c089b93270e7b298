using VssBot.Core.Conversations;
using VssBot.Core.Migration;
using VssBot.Core.Staff;

namespace VssBot.Storage;

// Everything read out whole, for `data migrate` to another store.
public sealed partial class LiteDbStore : IStoreExport
{
    public IEnumerable<string> ConversationIds() =>
        Db.GetCollection(Collections.Conversations).FindAll().Select(d => d["_id"].AsString);

    public IEnumerable<string> PhotoKeys() => PhotoShelf.Keys(Db);

    public IEnumerable<ChannelLink> Links() => Db.GetCollection<ChannelLink>(Collections.Links).FindAll();

    public IEnumerable<ChannelUpdate> Updates() => Db.GetCollection<ChannelUpdate>(Collections.Updates).FindAll();

    public IEnumerable<OutboxMessage> Outbox() =>
        Db.GetCollection<OutboxMessage>(Collections.Outbox).FindAll().Where(m => m.SentAt is null && m.FailedReason is null);

    public IEnumerable<ChannelRecord> Records() => Db.GetCollection<ChannelRecord>(Collections.Records).FindAll();

    public IEnumerable<StaffNote> Notes() => Db.GetCollection<StaffNote>(Collections.Notes).FindAll();

    public IEnumerable<KeyValuePair<string, string>> Secrets() =>
        Db.GetCollection(Collections.Secrets).FindAll().Select(d => KeyValuePair.Create(d["_id"].AsString, d["Value"].AsString));

    public IEnumerable<(string Id, string Version, string Text)> DialogVersions() =>
        Db.GetCollection<ArchivedDialog>(Collections.DialogVersions).FindAll().Select(a =>
        {
            var at = a.Id.LastIndexOf('@');
            return (a.Id[..at], a.Id[(at + 1)..], a.Text);
        });
}
