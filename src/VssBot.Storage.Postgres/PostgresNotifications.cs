using Microsoft.Extensions.Logging;
using Npgsql;

namespace VssBot.Storage.Postgres;

/// <summary>
/// PostgreSQL's LISTEN/NOTIFY between the instances on one database: a short payload (ids
/// only, never personal data) sent on a channel reaches every listening instance. The
/// listener keeps one connection and comes back after a failure.
/// </summary>
public sealed class PostgresNotifications(string connectionString, ILogger<PostgresNotifications> logger) : IDisposable
{
    private readonly NpgsqlDataSource _data = NpgsqlDataSource.Create(connectionString);

    public async Task NotifyAsync(string channel, string payload)
    {
        await using var command = _data.CreateCommand("select pg_notify(@channel, @payload)");
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("payload", payload);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Calls <paramref name="received"/> for every notification on the channel until stopped;
    /// <paramref name="listening"/> each time listening starts (again): true after a loss, when
    /// notifications sent meanwhile were missed and must be caught up.</summary>
    public async Task ListenAsync(string channel, Action<string> received, CancellationToken stoppingToken, Action<bool>? listening = null)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _data.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => received(e.Payload);
                await using (var listen = new NpgsqlCommand($"listen \"{channel.Replace("\"", "", StringComparison.Ordinal)}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                listening?.Invoke(!first);
                first = false;

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException)
            {
                logger.LogWarning(e, "Listening for {Channel} failed, again in a second", channel);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    public void Dispose() => _data.Dispose();
}
