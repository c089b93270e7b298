using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;
using VssBot.Core.Retention;

namespace VssBot.Storage.Postgres;

// Retention, and the operator's access and deletion requests for one person.
public sealed partial class PostgresStore : IRetentionStore
{
    public async Task<RetentionSweep> SweepAsync(RetentionOptions options, DateTimeOffset now)
    {
        var decidedBefore = now.AddDays(-options.DecidedPhotoDays);
        var dossiers = AllDossiers()
            .Where(d => d.Status is DossierStatus.Approved or DossierStatus.Rejected && d.DecidedAt < decidedBefore && d.PhotosDeletedAt is null)
            .ToList();
        var abandoned = Many("""
            select id from conversations c where updated_at < @before and not exists (select 1 from dossiers d where d.conversation_id = c.id)
            """, r => r.GetString(0), ("before", now.AddDays(-options.AbandonedDays).UtcDateTime));
        await using var connection = await _data.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var dossier in dossiers)
        {
            foreach (var key in dossier.PhotoKeys)
            {
                await ExecuteAsync(connection, tx, "delete from photos where key = @key", ("key", key));
            }

            dossier.PhotoKeys.Clear();
            dossier.PhotosDeletedAt = now;
            await UpsertDossierAsync(connection, tx, dossier);
        }

        foreach (var id in abandoned)
        {
            await EraseAsync(connection, tx, id, keepConversation: false);
        }

        // Handled updates are kept (ids only) while a channel might deliver them again.
        await ExecuteAsync(connection, tx, "delete from channel_updates where done and received_at < @before", ("before", now.AddDays(-options.HandledUpdateDays).UtcDateTime));
        await tx.CommitAsync();
        return new RetentionSweep(dossiers.Count, abandoned.Count);
    }

    /// <summary>The conversations that hold a person's data, found by their BHXH code (or ID
    /// number): their answers, their guardian data, or a dossier's values (sealed, so read here).</summary>
    public IReadOnlyList<string> ConversationsOf(string code)
    {
        var fromDossiers = AllDossiers().Where(d => d.Values.ContainsValue(code)).Select(d => d.ConversationId);
        var fromConversations = Many("select data from conversations", r => _sealed.Open<Conversation>((byte[])r[0]))
            .Where(c => c.Answers.Values.Any(a => a.Value == code) || c.Guardian.Values.Any(a => a.Value == code))
            .Select(c => c.Id);
        return fromDossiers.Concat(fromConversations).Distinct().ToList();
    }

    public async Task DeleteConversationsAsync(IReadOnlyList<string> ids)
    {
        await using var connection = await _data.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var id in ids)
        {
            await EraseAsync(connection, tx, id, keepConversation: false);
        }

        await tx.CommitAsync();
    }
}
