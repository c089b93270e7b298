using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Domain.Units;
using VssBot.Core.Engine;

namespace VssBot.Storage.Postgres;

// Units, by exact code or token only (no LIKE), and what came through their links.
public sealed partial class PostgresStore : IUnitStore
{
    public Unit? FindUnit(string code) =>
        Unit.CleanCode(code) is { } clean ? One("select data from units where code = @code", r => _sealed.Open<Unit>((byte[])r[0]), ("code", clean)) : null;

    public Unit? FindUnitByToken(string token) =>
        string.IsNullOrEmpty(token) || token.Length > 64 ? null : One("select data from units where token = @token", r => _sealed.Open<Unit>((byte[])r[0]), ("token", token));

    public IReadOnlyList<Unit> Units(string? officeId = null) =>
        Many("select data from units where @office::text is null or office_id = @office", r => _sealed.Open<Unit>((byte[])r[0]), ("office", officeId))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    public Task SaveUnitAsync(Unit unit) =>
        ExecuteAsync("""
            insert into units (code, office_id, token, data) values (@code, @office, @token, @data)
            on conflict (code) do update set office_id = excluded.office_id, token = excluded.token, data = excluded.data
            """, ("code", unit.Code), ("office", unit.OfficeId), ("token", unit.Token), ("data", _sealed.Seal(unit)));

    public IReadOnlyList<Conversation> ConversationsOfUnits(IReadOnlySet<string> units) =>
        units.Count == 0 ? [] : Many("select data from conversations where unit = any(@units)", r => _sealed.Open<Conversation>((byte[])r[0]), ("units", units.ToArray()));

    public IReadOnlyList<Dossier> DossiersOfUnits(IReadOnlySet<string> units) =>
        units.Count == 0 ? [] : Many("select data from dossiers where unit_code = any(@units)", r => _sealed.Open<Dossier>((byte[])r[0]), ("units", units.ToArray()));

    public async Task MarkForm01ReceivedAsync(string dossierId, DateTimeOffset at)
    {
        await using var connection = await _data.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var lockRow = new Npgsql.NpgsqlCommand("select data from dossiers where id = @id for update", connection, tx))
        {
            lockRow.Parameters.AddWithValue("id", dossierId);
            if (await lockRow.ExecuteScalarAsync() is byte[] data && _sealed.Open<Dossier>(data) is { Form01ReceivedAt: null } dossier)
            {
                dossier.Form01ReceivedAt = at;
                await UpsertDossierAsync(connection, tx, dossier);
            }
        }

        await tx.CommitAsync();
    }
}
