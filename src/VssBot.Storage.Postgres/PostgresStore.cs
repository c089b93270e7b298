using Npgsql;
using VssBot.Core.Conversations;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;

namespace VssBot.Storage.Postgres;

/// <summary>
/// The store on PostgreSQL (Npgsql, no ORM): the same small interfaces as the embedded
/// LiteDB store, so the rest of VssBot does not know which one runs. Rows carry the few
/// columns queries need (ids, codes, times, flags); everything else, personal data included,
/// is sealed JSON (<see cref="Sealed"/>). A turn's writes are one transaction.
/// </summary>
public sealed partial class PostgresStore : IConversationStore, IChannelStore, ISecretStore, IDisposable
{
    private readonly NpgsqlDataSource _data;
    private readonly Sealed _sealed;

    private PostgresStore(NpgsqlDataSource data, string password)
    {
        _data = data;
        _sealed = new Sealed(password);
    }

    /// <summary>Opens the database and brings its schema up to date.</summary>
    public static async Task<PostgresStore> OpenAsync(string connectionString, string password)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new ArgumentException("a database password is required", nameof(password));
        }

        var data = PostgresConnections.Create(connectionString);
        await Schema.ApplyAsync(data);
        return new PostgresStore(data, password);
    }

    public IReadOnlyList<TranscriptEntry> Transcript(string conversationId, int afterSeq) =>
        Many("select data from transcript where conversation_id = @id and seq > @after order by seq", r => _sealed.Open<TranscriptEntry>((byte[])r[0]),
            ("id", conversationId), ("after", afterSeq));

    public Dossier? FindDossier(string id) => One("select data from dossiers where id = @id", r => _sealed.Open<Dossier>((byte[])r[0]), ("id", id));

    public async Task SaveDossierAsync(Dossier dossier)
    {
        await using var connection = await _data.OpenConnectionAsync();
        await UpsertDossierAsync(connection, null, dossier);
    }

    public byte[]? Photo(string key) => One("select data from photos where key = @key", r => _sealed.OpenBytes((byte[])r[0]), ("key", key));

    public string? ArchivedDialog(string dialogId, string version) =>
        One("select text from dialog_versions where id = @id", r => (string)r[0], ("id", $"{dialogId}@{version}"));

    /// <summary>Keeps each dialog version conversations began on.</summary>
    public void ArchiveDialogs(IEnumerable<(string Id, string Version, string Text)> dialogs)
    {
        foreach (var (id, version, text) in dialogs)
        {
            Execute("insert into dialog_versions (id, text) values (@id, @text) on conflict (id) do nothing", ("id", $"{id}@{version}"), ("text", text));
        }
    }

    public void Dispose() => _data.Dispose();

    // ---- small helpers: every value a parameter, never text in SQL ----

    private T? One<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters) =>
        Many(sql, read, parameters).FirstOrDefault();

    private List<T> Many<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = _data.CreateCommand(sql);
        Bind(command, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _data.CreateCommand(sql);
        Bind(command, parameters);
        return command.ExecuteNonQuery();
    }

    private async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = _data.CreateCommand(sql);
        Bind(command, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        Bind(command, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static void Bind(NpgsqlCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
