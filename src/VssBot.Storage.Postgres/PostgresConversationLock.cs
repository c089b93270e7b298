using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VssBot.Core.Conversations;

namespace VssBot.Storage.Postgres;

/// <summary>
/// One turn at a time per conversation across every instance on the database: a
/// transaction-scoped advisory lock on the conversation's id (hashed to 64 bits), taken in the
/// same round trip as the transaction's BEGIN and the conversation's read. The turn's writes go
/// in that transaction (the store finds its connection) and its COMMIT releases the lock; a
/// turn that ends without committing rolls back. Turns of one conversation in this process
/// queue in memory first, so they do not hold connections.
/// </summary>
public sealed class PostgresConversationLock(string connectionString, PostgresStore store, ILogger? logger = null) : IConversationLock, IDisposable
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
                take.BatchCommands.Add(new NpgsqlBatchCommand("begin"));
                take.BatchCommands.Add(new NpgsqlBatchCommand("select pg_advisory_xact_lock($1)") { Parameters = { new NpgsqlParameter { Value = Key(conversationId) } } });
                take.BatchCommands.Add(new NpgsqlBatchCommand(PostgresStore.HeldReadSql) { Parameters = { new NpgsqlParameter { Value = conversationId } } });
                await using var reader = await take.ExecuteReaderAsync();
                byte[]? data = null;
                do
                {
                    if (reader.FieldCount == 1 && reader.GetName(0) == "data" && await reader.ReadAsync())
                    {
                        data = (byte[])reader[0];
                    }
                }
                while (await reader.NextResultAsync());

                store.Hold(conversationId, data, connection);
            }

            return new Held(connection, () => store.Release(conversationId), local, logger);
        }
        catch
        {
            store.Release(conversationId);
            connection?.Dispose(); // a connection back in the pool with its transaction rolled back
            local.Dispose();
            throw;
        }
    }

    public void Dispose() => _data.Dispose();

    private static long Key(string conversationId) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("conversation:" + conversationId)), 0);

    private sealed class Held(NpgsqlConnection connection, Func<bool> release, IDisposable local, ILogger? logger) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                if (release() && connection.FullState == System.Data.ConnectionState.Open)
                {
                    // Ended without a commit (nothing to write, or a failure): the rollback
                    // releases the lock.
                    using var rollback = new NpgsqlCommand("rollback", connection);
                    rollback.ExecuteNonQuery();
                }
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The session broke (the server stopped, the network dropped): the server ended
                // its transaction and the lock with it. Not thrown from here, where it would
                // replace the turn's own failure (the store being unavailable: a 503) with a 500.
                (logger ?? NullLogger.Instance).LogWarning(e,
                    "A conversation lock's rollback failed on a broken session (the server ended its transaction and lock)");
            }
            finally
            {
                // Closing the session would end the transaction and the lock too, whatever happened above.
                connection.Dispose();
                local.Dispose();
            }
        }
    }
}
