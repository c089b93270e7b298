using LiteDB;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;
using VssBot.Core.Staff;

namespace VssBot.Storage;

// Staff accounts, the audit log, and the dossiers staff review.
public sealed partial class LiteDbStore
{
    public StaffAccount? FindStaff(string id) =>
        _db.GetCollection<StaffAccount>(Collections.Staff).FindById(id.ToLowerInvariant());

    public Task SaveStaffAsync(StaffAccount account) =>
        _committer.Enqueue(db => db.GetCollection<StaffAccount>(Collections.Staff).Upsert(account));

    /// <summary>Saves an account with a new concurrency stamp, only if the stored one still
    /// has the stamp the caller read (optimistic concurrency); false when it changed.</summary>
    public async Task<bool> SaveStaffIfUnchangedAsync(StaffAccount account, string newStamp)
    {
        var saved = false;
        await _committer.Enqueue(db =>
        {
            var accounts = db.GetCollection<StaffAccount>(Collections.Staff);
            if (accounts.FindById(account.Id) is { } stored && stored.ConcurrencyStamp != account.ConcurrencyStamp)
            {
                return;
            }

            var read = account.ConcurrencyStamp;
            account.ConcurrencyStamp = newStamp;
            try
            {
                accounts.Upsert(account);
                saved = true;
            }
            catch
            {
                account.ConcurrencyStamp = read;
                throw;
            }
        });
        return saved;
    }

    public StaffAccount? FindStaffByTelegram(long telegramUserId) =>
        _db.GetCollection<StaffAccount>(Collections.Staff).FindOne(a => a.TelegramUserId == telegramUserId);

    public IReadOnlyList<StaffAccount> AllStaff() =>
        _db.GetCollection<StaffAccount>(Collections.Staff).FindAll().OrderBy(a => a.Id).ToList();

    public Task RemoveStaffAsync(string id) =>
        _committer.Enqueue(db => db.GetCollection<StaffAccount>(Collections.Staff).Delete(id));

    /// <summary>Records that <paramref name="staff"/> did <paramref name="action"/> to <paramref name="subject"/>.</summary>
    public Task AuditAsync(string staff, string action, string subject, DateTimeOffset at) =>
        _committer.Enqueue(db => db.GetCollection<AuditEntry>(Collections.Audit).Insert(
            new AuditEntry { Id = Guid.NewGuid().ToString("N"), Staff = staff, Action = action, Subject = subject, At = at }));

    public IReadOnlyList<AuditEntry> AuditLog() =>
        _db.GetCollection<AuditEntry>(Collections.Audit).FindAll().OrderBy(a => a.At).ToList();

    /// <summary>Conversations with people (waiting or with staff), oldest request first.</summary>
    public IReadOnlyList<Conversation> HandedOff() =>
        Db.GetCollection(Collections.Handoffs).FindAll()
            .Select(d => FindConversation(d["_id"].AsString))
            .OfType<Conversation>()
            .Where(c => c.Handoff is not null)
            .OrderBy(c => c.Handoff!.RequestedAt)
            .ToList();

    public Task AddNoteAsync(StaffNote note) =>
        _committer.Enqueue(db => db.GetCollection<StaffNote>(Collections.Notes).Insert(note));

    public IReadOnlyList<StaffNote> Notes(string conversationId) =>
        _db.GetCollection<StaffNote>(Collections.Notes).Find(n => n.ConversationId == conversationId).OrderBy(n => n.At).ToList();

    /// <summary>Dossiers the staff member may see, newest first.</summary>
    public IReadOnlyList<Dossier> DossiersFor(StaffAccount staff) =>
        Dossiers.FindAll().Where(d => staff.Serves(d.OfficeId)).OrderByDescending(d => d.CreatedAt).ToList();
}
