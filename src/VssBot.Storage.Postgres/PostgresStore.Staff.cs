using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;
using VssBot.Core.Staff;

namespace VssBot.Storage.Postgres;

// Staff accounts, the audit log, handed-off conversations and notes, and the dossiers staff read.
public sealed partial class PostgresStore : IStaffStore, IStaffDirectory, IHandoffStore, IDossierStore
{
    public StaffAccount? FindStaff(string id) =>
        One("select data from staff where id = @id", r => _sealed.Open<StaffAccount>((byte[])r[0]), ("id", id.ToLowerInvariant()));

    public StaffAccount? FindStaffByTelegram(long telegramUserId) =>
        One("select data from staff where telegram_user_id = @t", r => _sealed.Open<StaffAccount>((byte[])r[0]), ("t", telegramUserId));

    public IReadOnlyList<StaffAccount> AllStaff() => Many("select data from staff order by id", r => _sealed.Open<StaffAccount>((byte[])r[0]));

    public Task SaveStaffAsync(StaffAccount account) =>
        ExecuteAsync("""
            insert into staff (id, telegram_user_id, concurrency_stamp, data) values (@id, @t, @stamp, @data)
            on conflict (id) do update set telegram_user_id = excluded.telegram_user_id, concurrency_stamp = excluded.concurrency_stamp, data = excluded.data
            """, ("id", account.Id), ("t", account.TelegramUserId), ("stamp", account.ConcurrencyStamp), ("data", _sealed.Seal(account)));

    /// <summary>Saves with a new stamp only if the stored stamp is still the one read (optimistic concurrency).</summary>
    public async Task<bool> SaveStaffIfUnchangedAsync(StaffAccount account, string newStamp)
    {
        var read = account.ConcurrencyStamp;
        account.ConcurrencyStamp = newStamp;
        var saved = await ExecuteAsync("""
            update staff set telegram_user_id = @t, concurrency_stamp = @stamp, data = @data where id = @id and concurrency_stamp = @read
            """, ("id", account.Id), ("t", account.TelegramUserId), ("stamp", newStamp), ("data", _sealed.Seal(account)), ("read", read)) == 1
            || (FindStaff(account.Id) is null && await ExecuteAsync("""
                insert into staff (id, telegram_user_id, concurrency_stamp, data) values (@id, @t, @stamp, @data) on conflict (id) do nothing
                """, ("id", account.Id), ("t", account.TelegramUserId), ("stamp", newStamp), ("data", _sealed.Seal(account))) == 1);
        if (!saved)
        {
            account.ConcurrencyStamp = read;
        }

        return saved;
    }

    public Task RemoveStaffAsync(string id) => ExecuteAsync("delete from staff where id = @id", ("id", id));

    public Task AuditAsync(string staff, string action, string subject, DateTimeOffset at) =>
        ExecuteAsync("insert into audit (id, at, staff, action, subject) values (@id, @at, @staff, @action, @subject)",
            ("id", Guid.NewGuid().ToString("N")), ("at", at.UtcDateTime), ("staff", staff), ("action", action), ("subject", subject));

    public IReadOnlyList<AuditEntry> AuditLog() =>
        Many("select id, at, staff, action, subject from audit order by at", r => new AuditEntry
        {
            Id = r.GetString(0), At = new DateTimeOffset(r.GetDateTime(1), TimeSpan.Zero), Staff = r.GetString(2), Action = r.GetString(3), Subject = r.GetString(4),
        });

    /// <summary>Conversations with people (waiting or with staff), oldest request first.</summary>
    public IReadOnlyList<Conversation> HandedOff() =>
        Many("select data from conversations where handed_off", r => _sealed.Open<Conversation>((byte[])r[0]))
            .Where(c => c.Handoff is not null).OrderBy(c => c.Handoff!.RequestedAt).ToList();

    public IReadOnlyList<StaffNote> Notes(string conversationId) =>
        Many("select data from notes where conversation_id = @c order by at", r => _sealed.Open<StaffNote>((byte[])r[0]), ("c", conversationId));

    public Task AddNoteAsync(StaffNote note) =>
        ExecuteAsync("insert into notes (id, conversation_id, at, data) values (@id, @c, @at, @data)",
            ("id", note.Id), ("c", note.ConversationId), ("at", note.At.UtcDateTime), ("data", _sealed.Seal(note)));

    public IReadOnlyList<Dossier> AllDossiers() => Many("select data from dossiers", r => _sealed.Open<Dossier>((byte[])r[0]));

    public IReadOnlyList<Dossier> DossiersOf(string conversationId) =>
        Many("select data from dossiers where conversation_id = @c", r => _sealed.Open<Dossier>((byte[])r[0]), ("c", conversationId));

    /// <summary>Dossiers the staff member may see, newest first.</summary>
    public IReadOnlyList<Dossier> DossiersFor(StaffAccount staff) =>
        AllDossiers().Where(d => staff.Serves(d.OfficeId)).OrderByDescending(d => d.CreatedAt).ToList();
}
