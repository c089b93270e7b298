using System.Collections.Concurrent;
using VssBot.Core.Engine;

namespace VssBot.Storage.Postgres;

// Conversations read in the same round trip as their lock (PostgresConversationLock), kept
// while this process holds the lock: nothing else can change them meanwhile, so the turn's
// read needs no round trip of its own (nor a thread waiting on one).
public sealed partial class PostgresStore
{
    private readonly ConcurrentDictionary<string, byte[]?> _held = new();

    /// <summary>The statement the lock sends after taking a conversation's lock.</summary>
    internal const string HeldReadSql = "select data from conversations where id = $1";

    internal void Hold(string conversationId, byte[]? sealedConversation) => _held[conversationId] = sealedConversation;

    internal void Release(string conversationId) => _held.TryRemove(conversationId, out _);

    public Conversation? FindConversation(string id) =>
        _held.TryGetValue(id, out var sealedConversation)
            ? sealedConversation is null ? null : _sealed.Open<Conversation>(sealedConversation)
            : One("select data from conversations where id = @id", r => _sealed.Open<Conversation>((byte[])r[0]), ("id", id));

    // After a commit by the lock's holder: what it wrote is what a read would find.
    private void Committed(string conversationId, byte[] sealedConversation)
    {
        if (_held.ContainsKey(conversationId))
        {
            _held[conversationId] = sealedConversation;
        }
    }
}
