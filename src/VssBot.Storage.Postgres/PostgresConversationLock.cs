using Npgsql;
using VssBot.Core.Conversations;

namespace VssBot.Storage.Postgres;

/// <summary>
/// One turn at a time per conversation across every instance on the database: a session
/// advisory lock on the conversation's id (hashed to 64 bits), held on its own connection
/// from before the conversation is read until after the turn is committed. Turns of one
/// conversation in this process queue in memory first, so they do not hold connections.
/// </summary>
/// <remarks>Given the store, the lock reads the conversation in the same round trip and hands
/// it to the store for as long as the lock is held.</remarks>
public sealed class PostgresConversationLock(string connectionString, PostgresStore? store = null) : IConversationLock, IDisposable
{
    private readonly NpgsqlDataSource _data = PostgresConnections.Create(connectionString);
    private readonly KeyedLock _local = new();

    public async Task<IDisposable> AcquireAsync(string conversationId)
    {
        var local = await _local.AcquireAsync(conversationId);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _data.OpenConnectionAsync();
            await using (var take = new NpgsqlBatch(connection))
            {
                take.BatchCommands.Add(new NpgsqlBatchCommand("select pg_advisory_lock($1)") { Parameters = { new NpgsqlParameter { Value = Key(conversationId) } } });
                if (store is not null)
                {
                    take.BatchCommands.Add(new NpgsqlBatchCommand(PostgresStore.HeldReadSql) { Parameters = { new NpgsqlParameter { Value = conversationId } } });
                }

                await using var reader = await take.ExecuteReaderAsync();
                if (store is not null)
                {
                    await reader.NextResultAsync();
                    store.Hold(conversationId, await reader.ReadAsync() ? (byte[])reader[0] : null);
                }
            }

            return new Held(connection, Key(conversationId), local, () => store?.Release(conversationId));
        }
        catch
        {
            store?.Release(conversationId);
            connection?.Dispose();
            local.Dispose();
            throw;
        }
    }

    public void Dispose() => _data.Dispose();

    private static long Key(string conversationId) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("conversation:" + conversationId)), 0);

    private sealed class Held(NpgsqlConnection connection, long key, IDisposable local, Action forget) : IDisposable
    {
        public void Dispose()
        {
            forget(); // before the lock goes: another instance may change the conversation after
            try
            {
                using var release = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", key);
                release.ExecuteNonQuery();
            }
            finally
            {
                // Closing the session would release the lock too, whatever happened above.
                connection.Dispose();
                local.Dispose();
            }
        }
    }
}
