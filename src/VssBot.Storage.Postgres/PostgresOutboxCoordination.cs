using Npgsql;
using VssBot.Core.Conversations;

namespace VssBot.Storage.Postgres;

/// <summary>
/// The outbox shared by the instances on one database. An address is held by one instance
/// under a lease (a row in outbox_holds, renewed at each send, taken over once it has run
/// out), so one chat's messages go out in order from one sender; the rate a second is a
/// counter row per channel and second of the database's clock, so every instance counts
/// the same sends.
/// </summary>
public sealed class PostgresOutboxCoordination(string connectionString) : IOutboxCoordination, IDisposable
{
    private readonly NpgsqlDataSource _data = PostgresConnections.Create(connectionString);
    private readonly string _holder = Guid.NewGuid().ToString("N");

    public async Task<bool> HoldAsync(string channel, string address, TimeSpan lease)
    {
        await using var command = _data.CreateCommand("""
            insert into outbox_holds (channel, address, holder, until) values (@channel, @address, @holder, now() + @lease)
            on conflict (channel, address) do update set holder = excluded.holder, until = excluded.until
            where outbox_holds.holder = excluded.holder or outbox_holds.until < now()
            """);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("address", address);
        command.Parameters.AddWithValue("holder", _holder);
        command.Parameters.AddWithValue("lease", lease);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<TimeSpan?> TakeSlotAsync(string channel, int perSecond)
    {
        await using var command = _data.CreateCommand("""
            with now as (select clock_timestamp() as t)
            insert into outbox_rate (channel, second, sent)
            select @channel, floor(extract(epoch from t))::bigint, 1 from now
            on conflict (channel, second) do update set sent = outbox_rate.sent + 1
            returning sent, second, (select 1000 - floor(extract(milliseconds from t))::int % 1000 from now)
            """);
        command.Parameters.AddWithValue("channel", channel);
        int sent, untilNext;
        long second;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (sent, second, untilNext) = (reader.GetInt32(0), reader.GetInt64(1), reader.GetInt32(2));
        }

        if (sent == 1)
        {
            // The first send of a second clears the counters of the last minute's past seconds.
            await using var clear = _data.CreateCommand("delete from outbox_rate where channel = @channel and second < @old");
            clear.Parameters.AddWithValue("channel", channel);
            clear.Parameters.AddWithValue("old", second - 60);
            await clear.ExecuteNonQueryAsync();
        }

        return sent <= perSecond ? null : TimeSpan.FromMilliseconds(Math.Max(1, untilNext));
    }

    public void Dispose() => _data.Dispose();
}
