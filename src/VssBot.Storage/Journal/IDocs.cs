using LiteDB;

namespace VssBot.Storage;

/// <summary>What a turn's write needs from the database: documents by id. Written straight
/// into LiteDB (<see cref="DirectDocs"/>) or journaled (<see cref="StagedDocs"/>).</summary>
internal interface IDocs
{
    BsonMapper Mapper { get; }

    BsonDocument? Find(string collection, string id);

    void Upsert(string collection, BsonDocument document);

    void Delete(string collection, string id);
}

internal static class DocsExtensions
{
    public static T? Find<T>(this IDocs docs, string collection, string id)
        where T : class =>
        docs.Find(collection, id) is { } document ? docs.Mapper.ToObject<T>(document) : null;

    public static void Upsert<T>(this IDocs docs, string collection, T entity) =>
        docs.Upsert(collection, docs.Mapper.ToDocument(entity));
}

internal sealed class DirectDocs(LiteDatabase db) : IDocs
{
    public BsonMapper Mapper => db.Mapper;

    public BsonDocument? Find(string collection, string id) => db.GetCollection(collection).FindById(id);

    public void Upsert(string collection, BsonDocument document) => db.GetCollection(collection).Upsert(document);

    public void Delete(string collection, string id) => db.GetCollection(collection).Delete(id);
}
