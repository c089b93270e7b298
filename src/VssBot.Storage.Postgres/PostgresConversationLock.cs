using Npgsql;
using VssBot.Core.Conversations;

namespace VssBot.Storage.Postgres;

/// <summary>
/// One turn at a time per conversation across every instance on the database: a session
/// advisory lock on the conversation's id (hashed to 64 bits), held on its own connection
/// from before the conversation is read until after the turn is committed. Turns of one
/// conversation in this process queue in memory first, so they do not hold connections.
/// </summary>
public sealed class PostgresConversationLock(string connectionString) : IConversationLock, IDisposable
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
            await using (var take = new NpgsqlCommand("select pg_advisory_lock(@key)", connection))
            {
                take.Parameters.AddWithValue("key", Key(conversationId));
                await take.ExecuteNonQueryAsync();
            }

            return new Held(connection, Key(conversationId), local);
        }
        catch
        {
            connection?.Dispose();
            local.Dispose();
            throw;
        }
    }

    public void Dispose() => _data.Dispose();

    private static long Key(string conversationId) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("conversation:" + conversationId)), 0);

    private sealed class Held(NpgsqlConnection connection, long key, IDisposable local) : IDisposable
    {
        public void Dispose()
        {
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
