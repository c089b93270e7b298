using LiteDB;

namespace VssBot.Storage;

/// <summary>
/// How a written document is kept in a journal record, and applied again after a crash.
/// A document is kept whole ({c, i, d}) or, for a deletion, by its id ({c, i}); a
/// conversation without its transcript tail, which the previous version already holds but
/// for the last chunk ({c, i, d, tn: chunks in the tail, tl: the last one}): a conversation
/// carries up to <see cref="TranscriptTail.Turns"/> turns of transcript, and journaling it
/// whole every turn wrote most of them again and again. Replayed in order, each version's
/// tail is the previous version's first tn − 1 chunks and tl.
/// </summary>
internal static class JournalOps
{
    public static BsonDocument Encode(string collection, string id, BsonDocument? document)
    {
        var op = new BsonDocument { ["c"] = collection, ["i"] = id };
        if (document is null)
        {
            return op;
        }

        if (collection == Collections.Conversations && document.TryGetValue(TranscriptTail.Field, out var tail) && tail.IsArray)
        {
            var rest = new BsonDocument();
            foreach (var (name, value) in document.Where(e => e.Key != TranscriptTail.Field))
            {
                rest[name] = value;
            }

            op["d"] = rest;
            op["tn"] = tail.AsArray.Count;
            if (tail.AsArray.Count > 0)
            {
                op["tl"] = tail.AsArray[^1];
            }

            return op;
        }

        op["d"] = document;
        return op;
    }

    /// <summary>The operations of one record: BSON documents one after the other (each
    /// begins with its length).</summary>
    public static IEnumerable<BsonDocument> Read(byte[] record)
    {
        for (var at = 0; at + 4 <= record.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(record.AsSpan(at));
            yield return BsonSerializer.Deserialize(record.AsSpan(at, length).ToArray());
            at += length;
        }
    }

    /// <summary>Writes one kept operation into <paramref name="db"/> (in its transaction).</summary>
    public static void Apply(LiteDatabase db, BsonDocument op)
    {
        var collection = db.GetCollection(op["c"].AsString);
        if (!op.TryGetValue("d", out var kept))
        {
            collection.Delete(op["i"]);
            return;
        }

        var document = kept.AsDocument;
        if (op.TryGetValue("tn", out var count))
        {
            var previous = collection.FindById(op["i"]) is { } before && before.TryGetValue(TranscriptTail.Field, out var t) && t.IsArray ? t.AsArray : [];
            document[TranscriptTail.Field] = count.AsInt32 == 0 ? new BsonArray() : new BsonArray(previous.Take(count.AsInt32 - 1).Append(op["tl"]));
        }

        collection.Upsert(document);
    }
}
