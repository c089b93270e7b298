using VssBot.IntegrationTests.Support;
using VssBot.Storage.Postgres;

namespace VssBot.IntegrationTests.Storage;

/// <summary>Every instance drains the outbox: a chat is held by one of them at a time, and the
/// channel's rate a second is shared.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class PostgresOutboxTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task AChatIsHeldByOneInstanceUntilItsLeaseRunsOut()
    {
        var connection = await OpenAsync();
        using var a = new PostgresOutboxCoordination(connection);
        using var b = new PostgresOutboxCoordination(connection);

        Assert.True(await a.HoldAsync("telegram", "42", TimeSpan.FromMinutes(1)));
        Assert.False(await b.HoldAsync("telegram", "42", TimeSpan.FromMinutes(1)));
        Assert.True(await a.HoldAsync("telegram", "42", TimeSpan.FromMilliseconds(300))); // renewed, shorter
        Assert.True(await b.HoldAsync("telegram", "43", TimeSpan.FromMinutes(1)));
        Assert.True(await b.HoldAsync("zalo", "42", TimeSpan.FromMinutes(1)));

        // A holder that stops renewing (a dead instance) loses the chat when its lease runs out.
        await Poll.UntilAsync(async () => await b.HoldAsync("telegram", "42", TimeSpan.FromMinutes(1)), TimeSpan.FromSeconds(20), "the lease never ran out");
        Assert.False(await a.HoldAsync("telegram", "42", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task TheRateASecondCountsEveryInstancesSends()
    {
        var connection = await OpenAsync();
        using var a = new PostgresOutboxCoordination(connection);
        using var b = new PostgresOutboxCoordination(connection);

        // Twenty tries from two instances in turn, within one second of the database's clock
        // (a burst that straddles two seconds is tried again): five go, fifteen are told to wait
        // for the next second.
        var accepted = 0;
        var waits = new List<TimeSpan>();
        var burst = 0;
        await Poll.UntilAsync(async () =>
        {
            var channel = $"telegram-{++burst}"; // each burst counts afresh
            accepted = 0;
            waits.Clear();
            var before = await SecondAsync(connection);
            for (var i = 0; i < 20; i++)
            {
                if (await (i % 2 == 0 ? a : b).TakeSlotAsync(channel, 5) is { } wait)
                {
                    waits.Add(wait);
                }
                else
                {
                    accepted++;
                }
            }

            return await SecondAsync(connection) == before;
        }, TimeSpan.FromSeconds(30), "no burst fell within one second");

        Assert.Equal(5, accepted);
        Assert.Equal(15, waits.Count);
        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1)));
        Assert.Null(await a.TakeSlotAsync("zalo", 1)); // another channel has its own count
    }

    private async Task<string> OpenAsync()
    {
        var connection = await postgres.NewDatabaseAsync();
        (await PostgresStore.OpenAsync(connection, VssBotProcess.TestKey)).Dispose(); // applies the schema
        return connection;
    }

    private static async Task<long> SecondAsync(string connection)
    {
        await using var data = Npgsql.NpgsqlDataSource.Create(connection);
        await using var command = data.CreateCommand("select floor(extract(epoch from clock_timestamp()))::bigint");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
