using System.IO.Compression;
using System.Text.Json;
using LiteDB;
using VssBot.Core.Engine;

namespace VssBot.Storage;

/// <summary>
/// How a conversation is stored: the few fields the store queries (when it was last
/// touched, its status) and the whole conversation packed (JSON, deflated) by the caller's
/// thread, so that the single writer writes a small document.
/// </summary>
internal static class ConversationRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static BsonDocument Pack(Conversation conversation)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            System.Text.Json.JsonSerializer.Serialize(deflate, conversation, Json);
        }

        return new BsonDocument
        {
            ["_id"] = conversation.Id,
            ["UpdatedAt"] = conversation.UpdatedAt.UtcDateTime,
            ["Status"] = conversation.Status.ToString(),
            // A unit's code (not personal data), for the unit's progress and reminders.
            ["Unit"] = conversation.UnitCode is null ? BsonValue.Null : new BsonValue(conversation.UnitCode),
            ["Packed"] = buffer.ToArray(),
        };
    }

    public static Conversation Unpack(BsonDocument document)
    {
        using var deflate = new DeflateStream(new MemoryStream(document["Packed"].AsBinary), CompressionMode.Decompress);
        return System.Text.Json.JsonSerializer.Deserialize<Conversation>(deflate, Json)!;
    }
}
