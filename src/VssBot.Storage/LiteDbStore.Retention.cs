using VssBot.Core.Retention;
using LiteDB;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;

namespace VssBot.Storage;

// Retention, and the operator's access and deletion requests for one person.
public sealed partial class LiteDbStore
{
    public async Task<RetentionSweep> SweepAsync(RetentionOptions options, DateTimeOffset now)
    {
        var decidedBefore = now.AddDays(-options.DecidedPhotoDays);
        var untouchedBefore = now.AddDays(-options.AbandonedDays).UtcDateTime;
        // Filtered here, not in a LiteDB expression: an enum compared in C# is compared as its number.
        var dossiers = Dossiers.FindAll().Where(d => d.Status.IsDecided())
            .Where(d => d.DecidedAt < decidedBefore && d.PhotosDeletedAt == null)
            .ToList();
        var abandoned = Db.GetCollection(Collections.Conversations)
            .Find(Query.LT("UpdatedAt", untouchedBefore))
            .Select(d => d["_id"].AsString)
            .Where(id => !Dossiers.Exists(d => d.ConversationId == id))
            .ToList();
        await _committer.Enqueue(db =>
        {
            foreach (var dossier in dossiers)
            {
                foreach (var key in dossier.PhotoKeys)
                {
                    PhotoShelf.Delete(db, key);
                }

                dossier.PhotoKeys.Clear();
                dossier.PhotosDeletedAt = now;
                db.GetCollection<Dossier>(Collections.Dossiers).Update(dossier);
            }

            foreach (var id in abandoned)
            {
                Erase(db, id, keepConversation: false);
            }

            // Handled updates are kept (ids only) while a channel might deliver them again.
            var handledBefore = now.AddDays(-options.HandledUpdateDays);
            db.GetCollection<Core.Conversations.ChannelUpdate>(Collections.Updates).DeleteMany(u => u.Done && u.ReceivedAt < handledBefore);
        });
        Forget(abandoned);

        return new RetentionSweep(dossiers.Count, abandoned.Count);
    }

    public Task SaveDossierAsync(Dossier dossier) =>
        _committer.Enqueue(db => db.GetCollection<Dossier>(Collections.Dossiers).Upsert(dossier));

    /// <summary>Marks a dossier approved or rejected (until the staff console does it).</summary>
    public async Task<bool> DecideAsync(string dossierId, DossierStatus status, DateTimeOffset now)
    {
        if (FindDossier(dossierId) is not { } dossier)
        {
            return false;
        }

        dossier.Status = status;
        dossier.DecidedAt = now;
        await _committer.Enqueue(db => db.GetCollection<Dossier>(Collections.Dossiers).Update(dossier));
        return true;
    }

    /// <summary>The conversations that hold a person's data, found by their BHXH code (or
    /// ID number): their answers, their guardian data, or a dossier's values.</summary>
    public IReadOnlyList<string> ConversationsOf(string code)
    {
        var fromDossiers = Dossiers.FindAll().Where(d => d.Values.ContainsValue(code)).Select(d => d.ConversationId);
        var fromConversations = Db.GetCollection(Collections.Conversations).FindAll()
            .Select(ConversationRecord.Unpack)
            .Where(c => c.Answers.Values.Any(a => a.Value == code) || c.Guardian.Values.Any(a => a.Value == code))
            .Select(c => c.Id);
        return fromDossiers.Concat(fromConversations).Distinct().ToList();
    }

    public async Task DeleteConversationsAsync(IReadOnlyList<string> ids)
    {
        await _committer.Enqueue(db =>
        {
            foreach (var id in ids)
            {
                Erase(db, id, keepConversation: false);
            }
        });
        Forget(ids);
    }

    public IReadOnlyList<Dossier> DossiersOf(string conversationId) =>
        Dossiers.Find(d => d.ConversationId == conversationId).ToList();
}
