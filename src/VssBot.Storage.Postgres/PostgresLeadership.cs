using Microsoft.Extensions.Logging;
using Npgsql;
using VssBot.Core.Conversations;

namespace VssBot.Storage.Postgres;

/// <summary>
/// Leadership by a session advisory lock per role, held on a connection of its own while the
/// work runs: when the leading instance dies its session ends, the lock is free, and the next
/// instance trying (every few seconds) takes over. A lost connection stops the work here.
/// </summary>
public sealed class PostgresLeadership(string connectionString, ILogger<PostgresLeadership> logger, TimeSpan? retry = null) : IClusterLeadership, IDisposable
{
    // Unpooled: closing the connection ends the session, and with it the lock.
    private readonly NpgsqlDataSource _data = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
    private readonly TimeSpan _retry = retry ?? TimeSpan.FromSeconds(5);
    private int _attempts;

    /// <summary>Times this instance tried to lead and found another leading.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public async Task RunAsLeaderAsync(string role, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        var key = BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("leader:" + role)), 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _data.OpenConnectionAsync(stoppingToken);
                await using (var take = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection))
                {
                    take.Parameters.AddWithValue("key", key);
                    if (await take.ExecuteScalarAsync(stoppingToken) is not true)
                    {
                        Interlocked.Increment(ref _attempts);
                        await Task.Delay(_retry, stoppingToken);
                        continue;
                    }
                }

                logger.LogInformation("This instance leads {Role}", role);
                using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var watch = WatchAsync(connection, lost);
                try
                {
                    await work(lost.Token);
                }
                finally
                {
                    await lost.CancelAsync();
                    await watch;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or OperationCanceledException)
            {
                logger.LogWarning(e, "Leadership of {Role} lost or not reachable, trying again", role);
                await Task.Delay(_retry, stoppingToken);
            }
        }
    }

    // The lock lives as long as the session: a session that breaks cancels the work.
    private async Task WatchAsync(NpgsqlConnection connection, CancellationTokenSource lost)
    {
        try
        {
            while (!lost.IsCancellationRequested)
            {
                await Task.Delay(_retry, lost.Token);
                await using var ping = new NpgsqlCommand("select 1", connection);
                await ping.ExecuteScalarAsync(lost.Token);
            }
        }
        catch (OperationCanceledException e)
        {
            // The work ended (or the instance is stopping): nothing to watch any more.
            logger.LogDebug(e, "Leadership watch ended");
        }
        catch (Exception e) when (e is NpgsqlException or IOException)
        {
            logger.LogWarning(e, "The connection holding a leadership lock failed: the work it leads stops");
            await lost.CancelAsync();
        }
    }

    public void Dispose() => _data.Dispose();
}
