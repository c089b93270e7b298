using Npgsql;
using VssBot.IntegrationTests.Support;
using VssBot.Storage.Postgres;

namespace VssBot.IntegrationTests.Storage;

/// <summary>One throw-away PostgreSQL cluster for the contract facts; each fact gets a database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private int _databases;

    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A new, empty database on the cluster.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = $"contract_{Interlocked.Increment(ref _databases)}";
        await using var admin = NpgsqlDataSource.Create(Server.ConnectionString);
        await using var create = admin.CreateCommand($"create database {name}");
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = name }.ConnectionString;
    }
}

/// <summary>The store contract on PostgreSQL: the same facts as on LiteDB, against a real server.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class PostgresStoreContractTests(PostgresFixture postgres) : StoreContract, IClassFixture<PostgresFixture>
{
    private PostgresStore? _store;

    protected override async Task<object> OpenAsync()
    {
        _store = await PostgresStore.OpenAsync(await postgres.NewDatabaseAsync(), VssBotProcess.TestKey);
        return _store;
    }

    protected override Task CloseAsync()
    {
        _store?.Dispose();
        return Task.CompletedTask;
    }
}
