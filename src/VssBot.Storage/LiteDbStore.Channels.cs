using LiteDB;
using VssBot.Core.Conversations;

namespace VssBot.Storage;

// The channels' side: updates received (recorded once, handled in order), chat links,
// channels' records and secrets, the outbox.
public sealed partial class LiteDbStore
{
    public async Task<bool> RecordUpdateAsync(ChannelUpdate update)
    {
        var added = false;
        await _committer.Enqueue(db => added = db.GetCollection<ChannelUpdate>(Collections.Updates).FindById(update.Id) is null
            && db.GetCollection<ChannelUpdate>(Collections.Updates).Insert(update) is not null);
        return added;
    }

    public IReadOnlyList<ChannelUpdate> PendingUpdates(string channel) => PendingWhere(u => u.Channel == channel);

    public IReadOnlyList<ChannelUpdate> PendingUpdates(string channel, string address) =>
        PendingWhere(u => u.Channel == channel && u.Address == address);

    private List<ChannelUpdate> PendingWhere(Func<ChannelUpdate, bool> keep) =>
        Db.GetCollection<ChannelUpdate>(Collections.Updates).Find(u => u.Done == false).Where(keep).OrderBy(u => u.Number).ToList();

    public Task MarkHandledAsync(string updateId) =>
        _committer.Enqueue(db => MarkHandled(new DirectDocs(db), updateId));

    // A handled update keeps only what deduplication needs: its id (and when, for retention).
    private static void MarkHandled(IDocs docs, string updateId)
    {
        if (docs.Find<ChannelUpdate>(Collections.Updates, updateId) is { } update)
        {
            update.Done = true;
            update.Payload = "";
            update.Address = "";
            update.Group = null;
            docs.Upsert(Collections.Updates, update);
        }
    }

    public string? LinkedConversation(string linkId)
    {
        if (_links.TryGetValue(linkId, out var cached))
        {
            return cached;
        }

        var id = Find(Collections.Links, linkId) is { } link ? _mapper.ToObject<ChannelLink>(link).ConversationId : null;
        if (id is not null && _links.Count < CacheSize)
        {
            _links.TryAdd(linkId, id); // never over what a commit put there meanwhile
        }

        return id;
    }

    public IReadOnlyList<OutboxMessage> PendingOutbox(string channel, int max) =>
        Db.GetCollection<OutboxMessage>(Collections.Outbox).Find(m => m.SentAt == null)
            .Where(m => m.Channel == channel && m.FailedReason == null)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(max)
            .ToList();

    public int OutboxBacklog(string channel) =>
        Db.GetCollection<OutboxMessage>(Collections.Outbox).Count(m => m.SentAt == null && m.Channel == channel && m.FailedReason == null);

    public ChannelRecord? FindRecord(string id) => _db.GetCollection<ChannelRecord>(Collections.Records).FindById(id);

    public Task EnqueueAsync(OutboxMessage message) =>
        _committer.Enqueue(db => db.GetCollection<OutboxMessage>(Collections.Outbox).Upsert(message));

    public string? Secret(string key) => _db.GetCollection(Collections.Secrets).FindById(key)?["Value"].AsString;

    public Task SaveSecretAsync(string key, string value) =>
        _committer.Enqueue(db => db.GetCollection(Collections.Secrets).Upsert(new BsonDocument { ["_id"] = key, ["Value"] = value }));

    public Task SaveRecordsAsync(params ChannelRecord[] records) =>
        _committer.Enqueue(db => db.GetCollection<ChannelRecord>(Collections.Records).Upsert(records));

    /// <summary>A delivered message (or one refused for good) leaves the outbox: its text is
    /// the person's data, and the transcript already holds what was said.</summary>
    public Task MarkSentAsync(OutboxMessage message) =>
        _committer.Enqueue(db => db.GetCollection<OutboxMessage>(Collections.Outbox).Delete(message.Id));
}
