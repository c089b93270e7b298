using Npgsql;

namespace VssBot.Storage.Postgres;

/// <summary>The operator's connection string, with statements prepared on the server after
/// their second use (a turn runs the same few statements every time) unless it says otherwise.</summary>
internal static class PostgresConnections
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
