using System.IO.Compression;
using System.Text.Json;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;
using VssBot.Core.Engine;

namespace VssBot.Storage;

/// <summary>
/// How a conversation is stored: the few fields the store queries (when it was last
/// touched, its status) and the whole conversation as JSON, serialised by the caller's
/// thread. Documents written before are deflated ("Packed") and read as before; new ones
/// are not: deflating cost more CPU a turn than the bytes it saved (the pages are
/// encrypted either way).
/// </summary>
internal static class ConversationRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static BsonDocument Pack(Conversation conversation)
    {
        return new BsonDocument
        {
            ["_id"] = conversation.Id,
            ["UpdatedAt"] = conversation.UpdatedAt.UtcDateTime,
            ["Status"] = conversation.Status.ToString(),
            // A unit's code (not personal data), for the unit's progress and reminders.
            ["Unit"] = conversation.UnitCode is null ? BsonValue.Null : new BsonValue(conversation.UnitCode),
            ["Json"] = JsonSerializer.SerializeToUtf8Bytes(conversation, Json),
        };
    }

    public static Conversation Unpack(BsonDocument document)
    {
        if (document.TryGetValue("Json", out var json) && json.IsBinary)
        {
            return JsonSerializer.Deserialize<Conversation>(json.AsBinary, Json)!;
        }

        using var deflate = new DeflateStream(new MemoryStream(document["Packed"].AsBinary), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<Conversation>(deflate, Json)!;
    }
}
