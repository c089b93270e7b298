using Npgsql;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Storage;

/// <summary>The PostgreSQL the scale-out tests will share is real and throw-away: a cluster of
/// its own, reachable on 127.0.0.1 through Npgsql, gone after the test.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class PostgresServerTests
{
    [Fact]
    public async Task AThrowAwayClusterStartsAnswersThroughNpgsqlAndIsGoneAfter()
    {
        int port;
        await using (var server = await PostgresServer.StartAsync())
        {
            port = server.Port;
            await using var data = NpgsqlDataSource.Create(server.ConnectionString);
            await using var command = data.CreateCommand("select current_setting('server_version_num')::int, current_setting('listen_addresses'), current_setting('server_encoding')");
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.True(reader.GetInt32(0) >= 150000);
            Assert.Equal("127.0.0.1", reader.GetString(1));
            Assert.Equal("UTF8", reader.GetString(2));
        }

        await using var gone = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2");
        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await gone.OpenConnectionAsync());
    }
}
