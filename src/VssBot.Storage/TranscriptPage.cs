using System.IO.Compression;
using System.Text.Json;
using VssBot.Core.Engine;

namespace VssBot.Storage;

/// <summary>
/// The transcript entries of one turn, stored as one document whose entries are packed
/// (JSON, deflated) by the caller's thread: one small write a turn for the single writer,
/// instead of one large document a message.
/// </summary>
public sealed class TranscriptPage
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General);

    /// <summary>"{conversation id}:{first seq, 6 digits}".</summary>
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public int Last { get; set; }
    public byte[] Packed { get; set; } = [];

    public static TranscriptPage Of(string conversationId, IReadOnlyList<TranscriptEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(deflate, entries, JsonOptions);
        }

        return new TranscriptPage
        {
            Id = $"{conversationId}:{entries[0].Seq:D6}",
            ConversationId = conversationId,
            Last = entries[^1].Seq,
            Packed = buffer.ToArray(),
        };
    }

    public List<TranscriptEntry> Entries()
    {
        using var deflate = new DeflateStream(new MemoryStream(Packed), CompressionMode.Decompress);
        return WithConversation(ConversationId, JsonSerializer.Deserialize<List<TranscriptEntry>>(deflate, JsonOptions));
    }

    /// <summary>Entries as plain JSON (a turn's chunk in a conversation's tail).</summary>
    internal static byte[] Json(IReadOnlyList<TranscriptEntry> entries) => JsonSerializer.SerializeToUtf8Bytes(entries, JsonOptions);

    internal static List<TranscriptEntry> FromJson(string conversationId, byte[] json) =>
        WithConversation(conversationId, JsonSerializer.Deserialize<List<TranscriptEntry>>(json, JsonOptions));

    private static List<TranscriptEntry> WithConversation(string conversationId, List<TranscriptEntry>? entries)
    {
        entries ??= [];
        foreach (var entry in entries)
        {
            entry.ConversationId = conversationId;
        }

        return entries;
    }
}
