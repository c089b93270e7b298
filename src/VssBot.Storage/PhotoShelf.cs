using LiteDB;

namespace VssBot.Storage;

/// <summary>
/// Where photos live in the LiteDB file: each one document {_id: key, Jpeg: bytes} in
/// "photo_docs" (one insert a photo: a fifth of the writer's time went to LiteDB's file storage,
/// which writes a file entry and its chunks through a stream). Photos stored before this, in the
/// file storage ("photo_files"/"photo_chunks"), are still read, listed and deleted.
/// Keys are "{conversation}/{seq}-{step}", so a conversation's photos are one key range.
/// </summary>
internal static class PhotoShelf
{
    public static void Put(IDocs docs, string key, byte[] jpeg) =>
        docs.Upsert(Collections.PhotoDocs, new BsonDocument { ["_id"] = key, ["Jpeg"] = jpeg });

    public static byte[]? Get(LiteDatabase db, string key)
    {
        if (db.GetCollection(Collections.PhotoDocs).FindById(key) is { } document)
        {
            return document["Jpeg"].AsBinary;
        }

        if (Files(db).FindById(key) is not { } file)
        {
            return null;
        }

        using var stream = new MemoryStream();
        file.CopyTo(stream);
        return stream.ToArray();
    }

    public static void Delete(LiteDatabase db, string key)
    {
        db.GetCollection(Collections.PhotoDocs).Delete(key);
        Files(db).Delete(key);
    }

    public static void DeleteOf(LiteDatabase db, string conversationId)
    {
        db.GetCollection(Collections.PhotoDocs).DeleteMany(Of(conversationId));
        var files = Files(db);
        foreach (var file in files.Find(Of(conversationId)).ToList())
        {
            files.Delete(file.Id);
        }
    }

    public static IEnumerable<string> Keys(LiteDatabase db) =>
        db.GetCollection(Collections.PhotoDocs).FindAll().Select(d => d["_id"].AsString).Concat(Files(db).FindAll().Select(f => f.Id));

    private static ILiteStorage<string> Files(LiteDatabase db) => db.GetStorage<string>(Collections.PhotoFiles, Collections.PhotoChunks);

    private static BsonExpression Of(string conversationId) => Query.Between("_id", conversationId + "/0", conversationId + "/a");
}
