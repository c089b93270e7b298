using Npgsql;

namespace VssBot.Storage.Postgres;

/// <summary>The database's tables, as numbered migrations applied at start-up under an
/// advisory lock, so that instances starting together apply each once.</summary>
internal static class Schema
{
    private const long MigrationLock = 0x56_73_73_42_6F_74; // "VssBot"

    private static readonly string[] Migrations =
    [
        """
        create table conversations (id text primary key, unit text, handed_off boolean not null default false, updated_at timestamptz not null, data bytea not null);
        create index conversations_unit on conversations (unit) where unit is not null;
        create index conversations_handed_off on conversations (handed_off) where handed_off;
        create table transcript (conversation_id text not null, seq int not null, data bytea not null, primary key (conversation_id, seq));
        create table dossiers (id text primary key, conversation_id text not null, unit_code text, data bytea not null);
        create index dossiers_conversation on dossiers (conversation_id);
        create index dossiers_unit on dossiers (unit_code) where unit_code is not null;
        create table photos (key text primary key, conversation_id text not null, data bytea not null);
        create index photos_conversation on photos (conversation_id);
        create table channel_updates (id text primary key, channel text not null, address text not null, number bigint not null, received_at timestamptz not null, done boolean not null default false, data bytea);
        create index channel_updates_pending on channel_updates (channel, number) where not done;
        create table outbox (id text primary key, channel text not null, address text not null, conversation_id text not null, created_at timestamptz not null, pending boolean not null, data bytea not null);
        create index outbox_pending on outbox (channel, created_at) where pending;
        create table channel_links (id text primary key, conversation_id text not null);
        create index channel_links_conversation on channel_links (conversation_id);
        create table channel_records (id text primary key, conversation_id text not null, data bytea not null);
        create index channel_records_conversation on channel_records (conversation_id);
        create table staff (id text primary key, telegram_user_id bigint, concurrency_stamp text not null, data bytea not null);
        create table audit (id text primary key, at timestamptz not null, staff text not null, action text not null, subject text not null);
        create table notes (id text primary key, conversation_id text not null, at timestamptz not null, data bytea not null);
        create table units (code text primary key, office_id text not null, token text not null unique, data bytea not null);
        create table secrets (key text primary key, data bytea not null);
        create table dialog_versions (id text primary key, text text not null);
        """,
        """
        create table outbox_holds (channel text not null, address text not null, holder text not null, until timestamptz not null, primary key (channel, address));
        create table outbox_rate (channel text not null, second bigint not null, sent int not null, primary key (channel, second));
        """,
    ];

    public static async Task ApplyAsync(NpgsqlDataSource data)
    {
        await using var connection = await data.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, $"select pg_advisory_xact_lock({MigrationLock})");
        await Execute(connection, "create table if not exists schema_version (version int primary key)");
        await using var read = new NpgsqlCommand("select coalesce(max(version), 0) from schema_version", connection);
        var applied = Convert.ToInt32(await read.ExecuteScalarAsync());
        for (var version = applied + 1; version <= Migrations.Length; version++)
        {
            await Execute(connection, Migrations[version - 1]);
            await Execute(connection, $"insert into schema_version values ({version})");
        }

        await transaction.CommitAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
