using System.Collections.Concurrent;
using Npgsql;
using VssBot.Core.Engine;

namespace VssBot.Storage.Postgres;

// What PostgresConversationLock hands over while it holds a conversation: the conversation as
// read in the lock's round trip (nothing else can change it meanwhile, so the turn's read
// needs no round trip of its own), and the lock's connection, in the transaction whose end
// releases the lock, for the turn's commit.
public sealed partial class PostgresStore
{
    private readonly ConcurrentDictionary<string, HeldConversation> _held = new();

    /// <summary>The statement the lock sends after taking a conversation's lock.</summary>
    internal const string HeldReadSql = "select data from conversations where id = $1";

    internal sealed class HeldConversation(byte[]? data, NpgsqlConnection connection)
    {
        public byte[]? Data { get; set; } = data;
        public NpgsqlConnection Connection { get; } = connection;

        /// <summary>Committed: the transaction, and with it the lock, has ended.</summary>
        public bool Ended { get; set; }
    }

    internal void Hold(string conversationId, byte[]? sealedConversation, NpgsqlConnection connection) =>
        _held[conversationId] = new HeldConversation(sealedConversation, connection);

    /// <summary>Whether the lock's transaction is still open (else the lock must end it).</summary>
    internal bool Release(string conversationId) => _held.TryRemove(conversationId, out var held) && !held.Ended;

    public Conversation? FindConversation(string id) =>
        _held.TryGetValue(id, out var held)
            ? held.Data is null ? null : _sealed.Open<Conversation>(held.Data)
            : One("select data from conversations where id = @id", r => _sealed.Open<Conversation>((byte[])r[0]), ("id", id));

    private NpgsqlConnection? HeldTransaction(string conversationId) =>
        _held.TryGetValue(conversationId, out var held) && !held.Ended ? held.Connection : null;

    // After a commit: what was written is what a read would find; the lock's transaction is over.
    private void Committed(string conversationId, byte[] sealedConversation)
    {
        if (_held.TryGetValue(conversationId, out var held))
        {
            held.Data = sealedConversation;
            held.Ended = true;
        }
    }
}
