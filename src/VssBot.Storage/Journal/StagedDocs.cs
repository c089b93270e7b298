using LiteDB;

namespace VssBot.Storage;

/// <summary>
/// One turn's writes, held until the turn's whole write succeeded: then they join the
/// pending documents and the journal together, or not at all. Reads see the turn's own
/// writes, then the pending documents, then LiteDB.
/// </summary>
internal sealed class StagedDocs(PendingDocs pending, LiteDatabase db) : IDocs
{
    private readonly Dictionary<(string Collection, string Id), BsonDocument?> _writes = [];

    public BsonMapper Mapper => db.Mapper;

    public BsonDocument? Find(string collection, string id) =>
        _writes.TryGetValue((collection, id), out var written) ? written
        : pending.TryFind(collection, id, out var document) ? document
        : db.GetCollection(collection).FindById(id);

    public void Upsert(string collection, BsonDocument document) => _writes[(collection, document["_id"].AsString)] = document;

    public void Delete(string collection, string id) => _writes[(collection, id)] = null;

    /// <summary>Adds the writes to the pending documents and, serialised, to
    /// <paramref name="record"/> (what the journal keeps).</summary>
    public void Publish(List<byte[]> record)
    {
        foreach (var ((collection, id), document) in _writes)
        {
            pending.Set(collection, id, document);
            record.Add(BsonSerializer.Serialize(JournalOps.Encode(collection, id, document)));
        }
    }
}
