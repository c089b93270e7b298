using LiteDB;
using VssBot.Core.Engine;

namespace VssBot.Storage;

/// <summary>
/// The transcript of a conversation's latest turns, kept in the conversation's own document
/// ("Tail": one packed chunk a turn) and moved into one <see cref="TranscriptPage"/> every
/// <see cref="Turns"/> turns: a turn then writes one document instead of two, and the
/// single writer's time per turn is mostly the number of documents and pages it touches.
/// </summary>
internal static class TranscriptTail
{
    public const int Turns = 16;
    public const string Field = "Tail";

    /// <summary>Puts the turn's entries after <paramref name="previous"/>'s tail in
    /// <paramref name="document"/>; returns the page to insert when the tail is full.</summary>
    public static TranscriptPage? Add(BsonDocument document, BsonDocument? previous, string conversationId, IReadOnlyList<TranscriptEntry> entries)
    {
        var tail = new BsonArray(Chunks(previous));
        if (entries.Count > 0)
        {
            // Plain JSON (encrypted with the page): deflating every turn cost more than it saved.
            tail.Add(new BsonDocument { ["F"] = entries[0].Seq, ["L"] = entries[^1].Seq, ["J"] = TranscriptPage.Json(entries) });
        }

        if (tail.Count < Turns)
        {
            document[Field] = tail;
            return null;
        }

        document[Field] = new BsonArray();
        return TranscriptPage.Of(conversationId, Entries(conversationId, tail, afterSeq: 0).ToList());
    }

    /// <summary>Whether the tail alone holds every entry after <paramref name="afterSeq"/>
    /// (its first chunk begins at or before the next one): the pages need not be read.</summary>
    public static bool Covers(BsonDocument? conversation, int afterSeq) =>
        Chunks(conversation).FirstOrDefault() is { IsDocument: true } first
        && first.AsDocument.TryGetValue("F", out var from) && from.AsInt32 <= afterSeq + 1;

    /// <summary>The tail's entries after <paramref name="afterSeq"/>.</summary>
    public static IEnumerable<TranscriptEntry> Entries(string conversationId, BsonDocument? conversation, int afterSeq) =>
        Entries(conversationId, Chunks(conversation), afterSeq);

    private static IEnumerable<TranscriptEntry> Entries(string conversationId, IEnumerable<BsonValue> chunks, int afterSeq) =>
        chunks.Where(c => c["L"].AsInt32 > afterSeq)
            .SelectMany(c => c.AsDocument.TryGetValue("J", out var json)
                ? TranscriptPage.FromJson(conversationId, json.AsBinary)
                : new TranscriptPage { ConversationId = conversationId, Packed = c["P"].AsBinary }.Entries())
            .Where(e => e.Seq > afterSeq);

    // Documents written before the tail existed have none: their transcript is all in pages.
    private static IEnumerable<BsonValue> Chunks(BsonDocument? conversation) =>
        conversation is not null && conversation.TryGetValue(Field, out var tail) && tail.IsArray ? tail.AsArray : [];
}
